// The regions map: country outlines from world-atlas (Natural Earth), region points at the
// gazetteer's centroids, sized by activity, and partnership lines across the border.
(function () {
  "use strict";
  const box = document.getElementById("map");
  if (!box || !window.d3 || !window.topojson) return;
  const page = window.coopatlas.data;
  const map = page.map || { regions: [], links: [] };
  const lang = box.dataset.lang || "en";
  const width = 960, height = 520;
  const byCode = new Map(map.regions.map((r) => [r.code, r]));

  d3.json("/static/vendor/countries-50m.json").then((world) => {
    const countries = topojson.feature(world, world.objects.countries).features;
    const ours = countries.filter((f) => f.id === "643" || f.id === "398");
    const projection = d3.geoConicEqualArea().parallels([45, 65]).rotate([-80, 0])
      .fitExtent([[8, 8], [width - 8, height - 8]], { type: "FeatureCollection", features: ours });
    const path = d3.geoPath(projection);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img").attr("aria-label", "map");
    svg.append("g").selectAll("path").data(countries.filter((f) => !ours.includes(f)))
      .join("path").attr("class", "other").attr("d", path);
    svg.append("g").selectAll("path").data(ours).join("path").attr("class", "country").attr("d", path);
    const links = map.links.filter((l) => byCode.has(l.ru) && byCode.has(l.kz));
    svg.append("g").selectAll("path").data(links).join("path").attr("class", "link")
      .attr("stroke-width", (l) => 1 + (l.via || []).length)
      .attr("d", (l) => path({ type: "LineString", coordinates: [
        [byCode.get(l.ru).lon, byCode.get(l.ru).lat], [byCode.get(l.kz).lon, byCode.get(l.kz).lat]] }));
    const activity = (r) => (r.mentions || 0) + 5 * (r.partners || 0);
    const top = d3.max(map.regions, activity) || 1;
    const radius = d3.scaleSqrt().domain([0, top]).range([2.5, 14]);
    const points = map.regions.filter((r) => r.lat != null && r.lon != null)
      .sort((a, b) => activity(b) - activity(a));
    const dots = svg.append("g").selectAll("a").data(points).join("a")
      .attr("href", (r) => `/regions/${r.code}`);
    dots.append("circle")
      .attr("class", (r) => `region ${r.country}${activity(r) ? "" : " quiet"}`)
      .attr("cx", (r) => projection([r.lon, r.lat])[0]).attr("cy", (r) => projection([r.lon, r.lat])[1])
      .attr("r", (r) => radius(activity(r)))
      .append("title").text((r) => `${lang === "ru" && r.name_ru ? r.name_ru : r.name_en} (${r.code}): ` +
        `${r.mentions || 0} / ${r.partners || 0}`);
    box.dataset.drawn = String(points.length);
  }).catch((err) => { box.textContent = "map unavailable: " + err; });
})();
