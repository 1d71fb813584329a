"""The portal: server-rendered pages (Jinja2), static files and interface strings."""
