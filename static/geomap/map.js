/*
 * geomap map page. folium rendered the shell (map, layers, controls); this file fills it
 * from the API for the current viewport and keeps the filters in the URL.
 *
 * Why it works the way it does:
 *  - Over many incidents (at any zoom short of street level) the server aggregates
 *    (/api/clusters): shipping a million features to the browser is what we must never do.
 *  - When few enough incidents are in view, the real ones are fetched (/api/incidents) and
 *    Leaflet.markercluster groups the ones that overlap.
 *  - Every string from an article is untrusted: popups are built from DOM text nodes only,
 *    never from HTML strings.
 */
(function () {
  "use strict";

  const DETAIL_ZOOM = 15; // from here on, always fetch individual incidents
  const MAX_POINTS = 2000; // fewer than this in view: fetch individual incidents
  const FIRST_PAGE = 400; // a small first page: the first markers show sooner
  const PAGE_LIMIT = 1000; // features per later /api/incidents page (~1 kB each)
  const MAX_PAGES = 5; // at most FIRST_PAGE + 4 * PAGE_LIMIT features on the page
  const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

  const DATE_PRECISION = { 1: "exact day", 2: "within a few days", 3: "month or vaguer" };
  const GEO_PRECISION = {
    1: "1 – town or village",
    2: "2 – near a town / district",
    3: "3 – province or region",
    4: "4 – border, front line or country",
  };

  /** Make an element; children may be strings (become text nodes) or nodes. */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === "") continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Only http(s) links are made clickable: a `javascript:` URL in an article stays text. */
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (_e) {
      return null;
    }
  }

  function num(value) {
    return typeof value === "number" && isFinite(value) ? value : null;
  }

  window.geomapInit = function geomapInit(refs, cfg) {
    const map = refs.map;
    const typeStyle = new Map(cfg.types.map((t) => [t.event_type, t]));
    const allTypes = cfg.types.map((t) => t.event_type);
    const status = document.getElementById("geomap-status");
    const inputs = {
      start: document.getElementById("filter-start"),
      end: document.getElementById("filter-end"),
      q: document.getElementById("filter-q"),
      types: Array.from(document.querySelectorAll("#filter-types input[data-type]")),
      exportLink: document.getElementById("export-geojson"),
    };

    map.attributionControl.addAttribution(cfg.attribution);

    // Incidents and statements: a cluster group for points, a plain group for areas.
    const incidentAreas = L.featureGroup().addTo(refs.incidents);
    const statementAreas = L.featureGroup().addTo(refs.statements);
    const serverClusters = L.featureGroup().addTo(refs.incidents);

    // ---- state <-> URL ------------------------------------------------------------------

    const state = readUrl();

    function readUrl() {
      const p = new URLSearchParams(window.location.search);
      const date = (k) => (DATE_RE.test(p.get(k) || "") ? p.get(k) : "");
      let types = allTypes.slice();
      if (p.has("type")) {
        const wanted = new Set((p.get("type") || "").split(",").filter(Boolean));
        types = allTypes.filter((t) => wanted.has(t));
      }
      const view = ["z", "lat", "lon"].map((k) => parseFloat(p.get(k)));
      return {
        start: date("start"),
        end: date("end"),
        q: (p.get("q") || "").slice(0, 200),
        types: new Set(types),
        view: view.every(isFinite) ? { z: view[0], lat: view[1], lon: view[2] } : null,
      };
    }

    function filterParams({ bbox = true, dates = true, bounds = null } = {}) {
      const p = new URLSearchParams();
      if (dates && state.start) p.set("start", state.start);
      if (dates && state.end) p.set("end", state.end);
      if (state.types.size !== allTypes.length) {
        p.set("type", allTypes.filter((t) => state.types.has(t)).join(","));
      }
      if (state.q) p.set("q", state.q);
      if (bbox) p.set("bbox", bboxOf(bounds || map.getBounds()).join(","));
      return p;
    }

    function writeUrl() {
      const p = filterParams({ bbox: false });
      const c = map.getCenter();
      p.set("z", String(map.getZoom()));
      p.set("lat", c.lat.toFixed(4));
      p.set("lon", c.lng.toFixed(4));
      window.history.replaceState(null, "", "?" + p.toString() + window.location.hash);
      inputs.exportLink.href = cfg.api.export + "?" + filterParams().toString();
    }

    function syncInputs() {
      inputs.start.value = state.start;
      inputs.end.value = state.end;
      inputs.q.value = state.q;
      for (const box of inputs.types) box.checked = state.types.has(box.dataset.type);
    }

    function bboxOf(b) {
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      let west = b.getWest();
      let east = b.getEast();
      if (east - west >= 360) {
        west = -180;
        east = 180;
      } else {
        // Leaflet lets longitudes run past ±180 after panning round the world.
        const shift = Math.floor((west + 180) / 360) * 360;
        west -= shift;
        east -= shift;
        if (east > 180) {
          west = -180;
          east = 180;
        }
      }
      return [
        clamp(west, -180, 180).toFixed(5),
        clamp(b.getSouth(), -90, 90).toFixed(5),
        clamp(east, -180, 180).toFixed(5),
        clamp(b.getNorth(), -90, 90).toFixed(5),
      ].map(Number);
    }

    // ---- fetching -----------------------------------------------------------------------

    let generation = 0;
    let controller = null;

    async function getJson(url, signal) {
      const resp = await fetch(url, { signal, headers: { Accept: "application/json" } });
      if (!resp.ok) {
        // The API explains bad input as {"error": "..."}: show that, not just the code.
        let message = `${resp.status} ${resp.statusText}`;
        try {
          const body = await resp.json();
          if (body && typeof body.error === "string") message = body.error;
        } catch (_e) {
          /* not JSON */
        }
        throw new Error(message);
      }
      return resp.json();
    }

    let areaCount = 0; // incidents drawn as areas (several may share one shape)
    let loaded = []; // properties of the incidents drawn now (tests and console read it)

    // Zoomed out, every view shows (nearly) the whole world: ask for all of it, so that the
    // same URL is asked again and the short-lived cache answers. Data can change under us
    // (uploads), hence the short lifetime.
    const CLUSTER_TTL_MS = 60000;
    const clusterCache = new Map();

    function clustersUrl(zoom, bounds) {
      const p = filterParams({ bbox: zoom > 3, bounds });
      if (zoom <= 3) p.set("bbox", "-180,-90,180,90");
      // One zoom coarser than the map: the API's ~64 px cells would put a bubble every
      // 64 px; 128 px cells read better and are four times fewer to fetch and draw.
      p.set("zoom", String(Math.max(0, zoom - 1)));
      return `${cfg.api.clusters}?${p}`;
    }

    async function getClusters(url, signal) {
      const hit = clusterCache.get(url);
      if (hit && Date.now() - hit.at < CLUSTER_TTL_MS) return hit.data;
      const data = await getJson(url, signal);
      clusterCache.set(url, { at: Date.now(), data });
      if (clusterCache.size > 16) clusterCache.delete(clusterCache.keys().next().value);
      return data;
    }

    function setStatus(text, stateName) {
      status.textContent = text;
      status.dataset.state = stateName;
      // What the shown data was loaded for, so a test can wait for a given filter.
      if (stateName !== "loading") status.dataset.query = filterParams({ bbox: false }).toString();
    }

    function clearData() {
      refs.incidentCluster.clearLayers();
      refs.statementCluster.clearLayers();
      incidentAreas.clearLayers();
      statementAreas.clearLayers();
      serverClusters.clearLayers();
      loaded = [];
      areaCount = 0;
    }

    // What the drawn data covers. Data is fetched for a margin around the view, so a small
    // pan (or a popup auto-panning into view) needs no reload and keeps the popup open.
    const MARGIN = 0.25;
    let coverage = null; // {bounds, key, mode: "incidents" | "clusters", zoom, complete}

    function covered() {
      if (!coverage || coverage.key !== filterParams({ bbox: false }).toString()) return false;
      if (!coverage.bounds.contains(map.getBounds())) return false;
      // Complete incidents stay right at any zoom (markercluster regroups them); server
      // clusters are cut for one zoom level.
      return coverage.mode === "incidents" ? coverage.complete : coverage.zoom === map.getZoom();
    }

    async function refresh() {
      writeUrl();
      if (covered()) return;
      const gen = ++generation;
      if (controller) controller.abort();
      controller = new AbortController();
      const signal = controller.signal;
      coverage = null;
      const key = filterParams({ bbox: false }).toString();
      const zoom = map.getZoom();
      const bounds = zoom <= 3 ? L.latLngBounds([-90, -180], [90, 180])
        : map.getBounds().pad(MARGIN);
      if (state.types.size === 0) {
        clearData();
        setStatus("No event types selected", "ready");
        refreshTimeline();
        return;
      }
      setStatus("Loading…", "loading");
      try {
        if (map.getZoom() < DETAIL_ZOOM) {
          const clusters = await getClusters(clustersUrl(zoom, bounds), signal);
          if (gen !== generation) return;
          const total = clusters.features.reduce((n, f) => n + (f.properties.count || 0), 0);
          if (total > MAX_POINTS) {
            clearData();
            drawServerClusters(clusters.features);
            coverage = { bounds, key, mode: "clusters", zoom, complete: true };
            setStatus(`${total.toLocaleString()} incidents in view (grouped)`, "ready");
            refreshTimeline();
            return;
          }
        }
        const complete = await loadIncidents(gen, signal, bounds);
        if (gen !== generation) return;
        coverage = { bounds, key, mode: "incidents", zoom, complete };
        // The chart waits for the markers: they are what the user came for.
        refreshTimeline();
      } catch (err) {
        if (err.name === "AbortError" || gen !== generation) return;
        console.error(err);
        setStatus("Could not load incidents: " + err.message, "error");
      }
    }

    /** Fetch and draw incidents page by page; true when all of them were fetched. */
    async function loadIncidents(gen, signal, bounds) {
      let cursor = null;
      let shown = 0;
      let first = true;
      for (let page = 0; page < MAX_PAGES; page++) {
        const p = filterParams({ bounds });
        p.set("limit", String(page === 0 ? FIRST_PAGE : PAGE_LIMIT));
        if (cursor) p.set("cursor", cursor);
        const fc = await getJson(`${cfg.api.incidents}?${p}`, signal);
        if (gen !== generation) return;
        if (first) {
          clearData(); // only now: the old markers stay until the new ones can replace them
          first = false;
        }
        drawIncidents(fc.features);
        for (const f of fc.features) loaded.push(f.properties);
        shown += fc.features.length;
        cursor = fc.next_cursor;
        if (!cursor) break;
      }
      const more = cursor ? " (zoom in for the rest)" : "";
      setStatus(`${shown.toLocaleString()} incident${shown === 1 ? "" : "s"} loaded${more}`,
        "ready");
      return !cursor;
    }

    // ---- drawing ------------------------------------------------------------------------

    function styleOf(p) {
      if (p.sub_event_type === cfg.statementSubType) return cfg.statement;
      return typeStyle.get(p.event_type) || { slug: "other", color: "#444", shape: "circle" };
    }

    function panelWidth() {
      const panel = document.getElementById("geomap-panel");
      return panel && !panel.classList.contains("collapsed") ? panel.offsetWidth : 0;
    }

    function markerSize(p) {
      const hurt = (num(p.killed) || 0) + (num(p.wounded) || 0);
      return Math.round(14 + Math.min(22, 5 * Math.log2(1 + hurt)));
    }

    /** Tag a layer's DOM element for tests and styling once Leaflet has created it. */
    function tag(layer, p) {
      const apply = () => {
        const node = layer.getElement && layer.getElement();
        if (!node) return;
        node.setAttribute("data-id", String(p.id));
        node.setAttribute("data-type", String(p.event_type));
        node.classList.add("geomap-incident");
      };
      layer.on("add", apply);
    }

    const popupOptions = () => ({
      maxWidth: 380,
      minWidth: 240,
      className: "geomap-popup-wrap",
      // Auto-pan the popup clear of the filter panel, not under it.
      autoPanPaddingTopLeft: L.point(panelWidth() + 20, 20),
    });

    function drawIncidents(features) {
      const points = { incidents: [], statements: [] };
      // Several incidents on one area (three statements "in Iran") would stack identical
      // shapes, only the top one clickable: draw the shape once, list them all in its popup.
      const areaGroups = new Map();
      for (const f of features) {
        const p = f.properties || {};
        const style = styleOf(p);
        const isStatement = p.sub_event_type === cfg.statementSubType;
        const coords = f.geometry && f.geometry.type === "Point" ? f.geometry.coordinates : null;
        const latlng = coords ? L.latLng(coords[1], coords[0]) : null;
        const isArea = (num(p.geo_precision) || 0) >= 3 || !!p.area;
        if (isArea) {
          const where = p.area
            ? `${p.gazetteer_id || ""}|${JSON.stringify(p.area).length}|${p.place_name || ""}`
            : `${latlng}|${p.uncertainty_km}|${p.geo_precision}`;
          const key = `${isStatement}|${where}`;
          if (!areaGroups.has(key)) areaGroups.set(key, { list: [], latlng, style, isStatement });
          areaGroups.get(key).list.push(p);
          continue;
        }
        if (!latlng) continue;
        const size = markerSize(p);
        const marker = L.marker(latlng, {
          icon: L.divIcon({
            className: `geomap-marker geomap-t-${style.slug} geomap-shape-${style.shape}`,
            iconSize: [size, size],
            html: "",
          }),
          title: `${p.event_type || ""} – ${p.place_name || p.place || ""} ${p.date || ""}`,
          riseOnHover: true,
        });
        tag(marker, p);
        marker.bindPopup(() => buildPopup(p), popupOptions());
        (isStatement ? points.statements : points.incidents).push(marker);
      }
      refs.incidentCluster.addLayers(points.incidents);
      refs.statementCluster.addLayers(points.statements);
      for (const group of areaGroups.values()) {
        const area = drawArea(group.list, group.latlng, group.style);
        if (!area) continue;
        areaCount += group.list.length;
        area.bindPopup(() => (group.list.length === 1
          ? buildPopup(group.list[0])
          : h("div", { class: "geomap-popup-list" },
            h("div", { class: "gp-list-title" }, `${group.list.length} incidents in this area`),
            group.list.map(buildPopup))), popupOptions());
        (group.isStatement ? statementAreas : incidentAreas).addLayer(area);
      }
    }

    /** Region-level incidents: their area or line, else a circle of their uncertainty. */
    function drawArea(list, latlng, style) {
      const p = list[0];
      const tagArea = (layer) => {
        layer.on("add", () => {
          const node = layer.getElement && layer.getElement();
          if (!node) return;
          node.setAttribute("data-id", String(p.id));
          node.setAttribute("data-ids", list.map((x) => x.id).join(" "));
          node.setAttribute("data-type", String(p.event_type));
          node.classList.add("geomap-incident", "geomap-area");
        });
      };
      const pathStyle = {
        color: style.color,
        weight: 1.5,
        dashArray: "6 4",
        fillColor: style.color,
        // A whole country tinted would hide everything else: outline it, barely fill it.
        fillOpacity: (num(p.geo_precision) || 3) >= 4 ? 0.03 : 0.08,
        className: `geomap-area geomap-t-${style.slug}`,
      };
      if (p.area && typeof p.area === "object" && p.area.type) {
        try {
          const layer = L.geoJSON(p.area, {
            style: (feat) =>
              /Line/.test(feat.geometry.type) ? { ...pathStyle, weight: 4 } : pathStyle,
          });
          layer.eachLayer(tagArea);
          return layer;
        } catch (err) {
          console.warn("bad area geometry for", p.id, err);
        }
      }
      if (!latlng) return null;
      const km = num(p.uncertainty_km) || ((num(p.geo_precision) || 3) >= 4 ? 150 : 50);
      const circle = L.circle(latlng, { ...pathStyle, radius: km * 1000 });
      tagArea(circle);
      return circle;
    }

    function drawServerClusters(features) {
      for (const f of features) {
        const p = f.properties || {};
        if (!f.geometry || f.geometry.type !== "Point") continue;
        const [lon, lat] = f.geometry.coordinates;
        const count = num(p.count) || 0;
        const size = Math.round(26 + Math.min(34, 6 * Math.log10(1 + count)));
        const node = h("div", { class: "geomap-cluster-inner" },
          h("span", {}, count >= 10000 ? `${Math.round(count / 1000)}k` : String(count)));
        node.style.background = pieGradient(p.types || {});
        const marker = L.marker([lat, lon], {
          icon: L.divIcon({ className: "geomap-cluster", iconSize: [size, size], html: node }),
          title: `${count} incidents, ${num(p.killed) || 0} killed`,
        });
        marker.on("add", () => marker.getElement().setAttribute("data-count", String(count)));
        marker.on("click", () => {
          const b = Array.isArray(p.bbox) && p.bbox.length === 4 ? p.bbox : null;
          if (b && (b[2] - b[0] > 1e-4 || b[3] - b[1] > 1e-4)) {
            map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [30, 30] });
          } else {
            map.setView([lat, lon], Math.min(map.getZoom() + 2, DETAIL_ZOOM));
          }
        });
        serverClusters.addLayer(marker);
      }
    }

    function pieGradient(types) {
      const entries = Object.entries(types).filter(([, n]) => n > 0);
      const total = entries.reduce((s, [, n]) => s + n, 0);
      if (!total) return "#888";
      let at = 0;
      const stops = entries.map(([t, n]) => {
        const color = (typeStyle.get(t) || { color: "#888" }).color;
        const from = at;
        at += (n / total) * 360;
        return `${color} ${from.toFixed(1)}deg ${at.toFixed(1)}deg`;
      });
      return `conic-gradient(${stops.join(", ")})`;
    }

    // ---- popup --------------------------------------------------------------------------

    function buildPopup(p) {
      const row = (label, field, ...value) =>
        value.some((v) => v !== null && v !== undefined && v !== "")
          ? h("tr", { "data-field": field }, h("th", {}, label), h("td", {}, ...value))
          : null;
      const amount = (n, text) => (num(n) !== null ? String(n) : text || null);
      const resolved = [p.place_name, p.admin1, p.country].filter(Boolean).join(", ");
      const sources = Array.isArray(p.sources) && p.sources.length
        ? p.sources
        : [{ source: p.source, url: p.url, title: p.title, published: p.published,
            reported_by: p.reported_by }];
      const nSources = num(p.source_count) || sources.length;

      return h("div", { class: "geomap-popup", "data-id": p.id },
        h("div", { class: "gp-type" },
          h("strong", {}, p.event_type || "Unknown type"),
          p.sub_event_type ? h("span", {}, " · ", p.sub_event_type) : null),
        h("div", { class: "gp-date", "data-field": "date" },
          p.date || "date unknown",
          DATE_PRECISION[p.date_precision] ? ` (${DATE_PRECISION[p.date_precision]})` : ""),
        h("table", { class: "gp-facts" },
          row("Place (as written)", "place", p.place),
          row("Resolved to", "resolved", resolved),
          row("Killed", "killed", amount(p.killed, p.killed_text)),
          row("Wounded", "wounded", amount(p.wounded, p.wounded_text)),
          row("Captured", "captured", amount(p.captured, null)),
          row("Actors", "actors", [p.actor1, p.actor2].filter(Boolean).join(" vs ")),
          row("Geo precision", "geo_precision",
            GEO_PRECISION[p.geo_precision] || p.geo_precision,
            num(p.uncertainty_km) ? ` (±${Math.round(p.uncertainty_km)} km)` : ""),
          row("Reported by", "reported_by", p.reported_by),
          row("Confidence", "confidence",
            num(p.confidence) !== null ? `${Math.round(p.confidence * 100)}%` : null)),
        p.evidence ? h("blockquote", { class: "gp-evidence", "data-field": "evidence" },
          p.evidence) : null,
        h("div", { class: "gp-sources", "data-field": "sources" },
          h("div", { class: "gp-sources-title" },
            `${nSources} source${nSources === 1 ? "" : "s"}`),
          h("ul", {}, sources.map(sourceItem))));
    }

    function sourceItem(s) {
      const url = safeUrl(s.url);
      const label = s.title || s.source || s.url || "article";
      const link = url
        ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label)
        : h("span", {}, label);
      const meta = [s.source && s.title ? s.source : null, s.published].filter(Boolean);
      return h("li", {}, link, meta.length ? ` – ${meta.join(", ")}` : "");
    }

    // ---- timeline -----------------------------------------------------------------------

    const timelineBox = document.getElementById("timeline");
    let timelineData = [];
    let timelineTimer = null;
    let timelineController = null;

    function refreshTimeline() {
      clearTimeout(timelineTimer);
      timelineTimer = setTimeout(async () => {
        if (timelineController) timelineController.abort();
        timelineController = new AbortController();
        try {
          // Dates left out on purpose: the chart shows where the chosen range sits.
          const data = await getJson(
            `${cfg.api.timeline}?${filterParams({ dates: false })}`, timelineController.signal);
          timelineData = Array.isArray(data.days) ? data.days : [];
          drawTimeline();
        } catch (err) {
          if (err.name !== "AbortError") console.warn("timeline:", err);
        }
      }, 100);
    }

    const dayMs = 86400000;
    const toDay = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / dayMs);
    const fromDay = (d) => new Date(d * dayMs).toISOString().slice(0, 10);

    function drawTimeline() {
      const svgNS = "http://www.w3.org/2000/svg";
      timelineBox.replaceChildren();
      const days = timelineData.filter((d) => DATE_RE.test(d[0]));
      if (!days.length) {
        timelineBox.append(h("div", { class: "geomap-timeline-empty" }, "No dated incidents"));
        return;
      }
      const width = Math.max(200, timelineBox.clientWidth || 260);
      const height = 48;
      const first = toDay(days[0][0]);
      const last = toDay(days[days.length - 1][0]);
      const span = last - first + 1;
      const nBins = Math.max(1, Math.min(span, Math.floor(width / 3)));
      const perBin = span / nBins;
      const bins = new Array(nBins).fill(0);
      for (const [iso, n] of days) {
        bins[Math.min(nBins - 1, Math.floor((toDay(iso) - first) / perBin))] += n;
      }
      const max = Math.max(...bins);
      const binStart = (i) => fromDay(first + Math.floor(i * perBin));
      const binEnd = (i) => fromDay(first + Math.ceil((i + 1) * perBin) - 1);
      const svg = document.createElementNS(svgNS, "svg");
      svg.setAttribute("width", String(width));
      svg.setAttribute("height", String(height));
      svg.setAttribute("class", "geomap-timeline-svg");
      const bw = width / nBins;
      const sel = [state.start ? toDay(state.start) : -Infinity,
        state.end ? toDay(state.end) : Infinity];
      bins.forEach((n, i) => {
        if (!n) return;
        const bh = Math.max(2, (n / max) * (height - 4));
        const rect = document.createElementNS(svgNS, "rect");
        rect.setAttribute("x", (i * bw).toFixed(1));
        rect.setAttribute("y", (height - bh).toFixed(1));
        rect.setAttribute("width", Math.max(1, bw - 0.5).toFixed(1));
        rect.setAttribute("height", bh.toFixed(1));
        const inRange = toDay(binEnd(i)) >= sel[0] && toDay(binStart(i)) <= sel[1];
        rect.setAttribute("class", inRange ? "bar in" : "bar out");
        const title = document.createElementNS(svgNS, "title");
        title.textContent = perBin > 1 ? `${binStart(i)} – ${binEnd(i)}: ${n}` : `${binStart(i)}: ${n}`;
        rect.append(title);
        svg.append(rect);
      });
      timelineBox.append(svg,
        h("div", { class: "geomap-timeline-axis" },
          h("span", {}, days[0][0]), h("span", {}, days[days.length - 1][0])));

      // Drag across the bars to choose a date range.
      let dragFrom = null;
      const binAt = (evt) => {
        const r = svg.getBoundingClientRect();
        return Math.max(0, Math.min(nBins - 1, Math.floor(((evt.clientX - r.left) / r.width) * nBins)));
      };
      svg.addEventListener("pointerdown", (evt) => {
        dragFrom = binAt(evt);
        svg.setPointerCapture(evt.pointerId);
      });
      svg.addEventListener("pointerup", (evt) => {
        if (dragFrom === null) return;
        const to = binAt(evt);
        const [a, b] = [Math.min(dragFrom, to), Math.max(dragFrom, to)];
        dragFrom = null;
        state.start = binStart(a);
        state.end = binEnd(b);
        syncInputs();
        filtersChanged();
      });
    }

    // ---- controls -----------------------------------------------------------------------

    function asControl(id, position) {
      const node = document.getElementById(id);
      const Control = L.Control.extend({ onAdd: () => node });
      new Control({ position }).addTo(map);
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    }
    const panelNode = asControl("geomap-panel", "topleft");
    const panelToggle = document.getElementById("geomap-panel-toggle");
    function setPanelCollapsed(collapsed) {
      panelNode.classList.toggle("collapsed", collapsed);
      panelToggle.setAttribute("aria-expanded", String(!collapsed));
      if (!collapsed) drawTimeline();
    }
    panelToggle.addEventListener("click", () =>
      setPanelCollapsed(!panelNode.classList.contains("collapsed")));
    // On a phone the panel would cover the map: start folded.
    if (window.innerWidth < 640) {
      setPanelCollapsed(true);
      document.getElementById("geomap-legend").open = false;
    }
    asControl("geomap-legend", "bottomright");

    let refreshTimer = null;
    function filtersChanged() {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 50);
    }

    function readDates() {
      state.start = DATE_RE.test(inputs.start.value) ? inputs.start.value : "";
      state.end = DATE_RE.test(inputs.end.value) ? inputs.end.value : "";
      filtersChanged();
    }
    inputs.start.addEventListener("change", readDates);
    inputs.end.addEventListener("change", readDates);
    document.getElementById("filter-clear-dates").addEventListener("click", () => {
      state.start = state.end = "";
      syncInputs();
      filtersChanged();
    });
    let qTimer = null;
    inputs.q.addEventListener("input", () => {
      clearTimeout(qTimer);
      qTimer = setTimeout(() => {
        state.q = inputs.q.value.trim();
        filtersChanged();
      }, 300);
    });
    inputs.q.addEventListener("keydown", (evt) => {
      if (evt.key !== "Enter") return;
      clearTimeout(qTimer);
      state.q = inputs.q.value.trim();
      filtersChanged();
    });
    for (const box of inputs.types) {
      box.addEventListener("change", () => {
        if (box.checked) state.types.add(box.dataset.type);
        else state.types.delete(box.dataset.type);
        filtersChanged();
      });
    }

    // ---- offline basemap ----------------------------------------------------------------

    map.createPane("geomap-basemap");
    map.getPane("geomap-basemap").style.zIndex = "250";
    const basemapRenderer = L.canvas({ pane: "geomap-basemap", padding: 0.5 });
    const landStyle = { color: "#8a8f94", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 };
    let countriesLayer = null;

    getJson(cfg.api.countries)
      .then((fc) => {
        countriesLayer = L.geoJSON(fc, {
          pane: "geomap-basemap", renderer: basemapRenderer, interactive: false,
          style: landStyle,
        }).addTo(refs.countries);
        if (map.hasLayer(refs.tiles)) countriesLayer.setStyle({ fillOpacity: 0 });
      })
      .catch((err) => console.warn("countries basemap:", err));

    // Province lines are megabytes: fetched only once someone zooms in far enough.
    let provincesRequested = false;
    function maybeLoadProvinces() {
      if (provincesRequested || map.getZoom() < 4 || !map.hasLayer(refs.provinces)) return;
      provincesRequested = true;
      getJson(cfg.api.admin1)
        .then((fc) => {
          L.geoJSON(fc, {
            pane: "geomap-basemap", renderer: basemapRenderer, interactive: false,
            style: { color: "#a9adb1", weight: 0.5, dashArray: "3 3", fill: false },
          }).addTo(refs.provinces);
        })
        .catch((err) => console.warn("admin1 basemap:", err));
    }

    // With online tiles switched on, the offline land fill would hide them.
    map.on("overlayadd", (e) => {
      if (e.layer === refs.tiles && countriesLayer) countriesLayer.setStyle({ fillOpacity: 0 });
      if (e.layer === refs.provinces) maybeLoadProvinces();
    });
    map.on("overlayremove", (e) => {
      if (e.layer === refs.tiles && countriesLayer) countriesLayer.setStyle(landStyle);
    });

    // ---- start --------------------------------------------------------------------------

    syncInputs();

    async function start() {
      if (state.view) {
        map.setView([state.view.lat, state.view.lon], state.view.z, { animate: false });
      } else {
        // No shared view: frame wherever the data is (cheap: the server aggregates).
        try {
          const fc = await getClusters(clustersUrl(2));
          let bounds = null;
          for (const f of fc.features) {
            const b = f.properties && f.properties.bbox;
            if (!Array.isArray(b) || b.length !== 4) continue;
            const fb = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
            bounds = bounds ? bounds.extend(fb) : fb;
          }
          if (bounds) {
            // Keep the data clear of the filter panel on the left and the legend.
            map.fitBounds(bounds, {
              paddingTopLeft: [panelWidth() + 40, 40],
              paddingBottomRight: [60, 60],
              maxZoom: 8,
              animate: false,
            });
          }
        } catch (err) {
          console.warn("initial view:", err);
        }
      }
      map.on("moveend", () => {
        maybeLoadProvinces();
        filtersChanged();
      });
      // Province lines (megabytes) wait for the first markers: they are what matters.
      await refresh();
      maybeLoadProvinces();
    }
    start();

    // For tests and the browser console.
    window.geomap = {
      map,
      refresh,
      state,
      incidents: () => loaded.slice(),
      counts: () => ({
        points: refs.incidentCluster.getLayers().length,
        statements: refs.statementCluster.getLayers().length,
        areas: areaCount,
        serverClusters: serverClusters.getLayers().length,
      }),
    };
  };
})();
