"""Authentication and curation through the API: roles, hashed passwords, edit/retract/revert."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coopatlas.api import create_app
from coopatlas.store import users
from fixtures_atlas import USERS, build


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("auth") / "seed.db"
    build(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def app_url(seeded: Path, tmp_path: Path) -> str:
    """A fresh copy of the seeded store for each test (edits must not leak between tests)."""
    copy = tmp_path / "atlas.db"
    shutil.copyfile(seeded, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def client(app_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(app_url)) as c:
        yield c


def login(client: TestClient, role: str) -> None:
    name, password = USERS[role]
    response = client.post("/api/login", json={"username": name, "password": password})
    assert response.status_code == 200, response.text
    assert response.json()["user"] == {"username": name, "role": role}


EDIT = {"record_type": "forum_edition", "record_key": "15", "field": "theme",
        "value": "ecology and green growth", "reason": "the programme says so"}


def test_passwords_are_stored_as_argon2_hashes(app_url: str) -> None:
    from coopatlas.store import open_store

    store = open_store(app_url)
    with store.session() as session:
        stored = users.get_user(session=session, username="curator1")
    store.close()
    assert stored.password_hash.startswith("$argon2id$")
    assert "curator-pass" not in stored.password_hash


@pytest.mark.parametrize(("name", "password"), [("curator1", "wrong"), ("nobody", "x")])
def test_bad_credentials_are_refused(client: TestClient, name: str, password: str) -> None:
    response = client.post("/api/login", json={"username": name, "password": password})
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": "wrong user name or password", "status": 401}
    assert client.get("/api/me").json()["user"] is None


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("reader", 403), ("curator", 201),
                                              ("admin", 201)])
def test_editing_needs_the_curator_role(client: TestClient, role: str | None,
                                        status: int) -> None:
    if role:
        login(client, role)
    response = client.post("/api/curation/edits", json=EDIT)
    assert response.status_code == status, response.text
    assert response.json()["ok"] is (status == 201)


def test_an_edit_shows_in_the_record_and_the_history(client: TestClient) -> None:
    login(client, "curator")
    edit = client.post("/api/curation/edits", json=EDIT).json()["edit"]
    assert (edit["old_value"], edit["new_value"]) == ("development of human capital",
                                                      EDIT["value"])
    forum = client.get("/api/forums/15").json()["forum"]
    assert forum["theme"] == EDIT["value"] and forum["curated"] == ["theme"]
    history = client.get("/api/curation/history").json()["items"]
    assert history[0]["author"] == "curator1" and history[0]["reason"] == EDIT["reason"]


def test_retract_then_revert_brings_the_record_back(client: TestClient) -> None:
    login(client, "curator")
    body = {"record_type": "partnership", "record_key": "RU-ORE|KZ-27", "reason": "a visit only"}
    retracted = client.post("/api/curation/retract", json=body).json()["edit"]
    assert client.get("/api/partnerships").json()["total"] == 1
    reverted = client.post(f"/api/curation/edits/{retracted['edit_id']}/revert",
                           json={"reason": "it was right"})
    assert reverted.status_code == 201
    assert client.get("/api/partnerships").json()["total"] == 2
    actions = [e["action"] for e in client.get("/api/curation/history").json()["items"]]
    assert actions == ["revert", "retract"]


@pytest.mark.parametrize(("change", "status"), [
    ({"field": "no_such_field"}, 422), ({"field": "year", "value": "soon"}, 422),
    ({"record_key": "99"}, 404), ({"record_type": "planet"}, 422), ({"reason": ""}, 422),
])
def test_bad_edits_are_refused_with_a_reason(client: TestClient, change: dict,
                                             status: int) -> None:
    login(client, "curator")
    response = client.post("/api/curation/edits", json={**EDIT, **change})
    assert response.status_code == status
    assert response.json()["ok"] is False and response.json()["error"]


def test_typed_fields_are_coerced(client: TestClient) -> None:
    login(client, "curator")
    key = client.get("/api/agreements").json()["items"][0]["key"]
    body = {"record_type": "agreement", "record_key": key, "field": "signed_on",
            "value": "2019-06-09", "reason": "date of the ceremony"}
    assert client.post("/api/curation/edits", json=body).status_code == 201
    assert client.get(f"/api/agreements/{key}").json()["agreement"]["signed_on"] == "2019-06-09"


def test_revert_of_an_unknown_edit_is_404(client: TestClient) -> None:
    login(client, "curator")
    response = client.post("/api/curation/edits/999/revert", json={"reason": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize(("role", "status"), [("curator", 403), ("admin", 201)])
def test_only_admins_add_users(client: TestClient, role: str, status: int) -> None:
    login(client, role)
    response = client.post("/api/users", json={"username": "new", "password": "pw",
                                                "role": "reader"})
    assert response.status_code == status


def test_logout_ends_the_session(client: TestClient) -> None:
    login(client, "curator")
    client.post("/api/logout")
    assert client.get("/api/me").json()["user"] is None
    assert client.post("/api/curation/edits", json=EDIT).status_code == 401
