// The enforcement map (/Map). Everything it draws comes from the app: the vector base layer shipped with it and the
// overlays from /api/v1/map/layers, so it works with no internet; tiles are added only when an intranet tile server is
// configured. No inline script or style: configuration arrives in a JSON block (the CSP forbids inline script).
(function () {
    const element = document.getElementById("map");
    const status = document.getElementById("map-status");
    if (!element || !window.L) return;
    const config = JSON.parse(document.getElementById("map-config").textContent);
    const map = L.map(element, { center: [29.66, 107.40], zoom: 10, minZoom: 8, maxZoom: 18 });
    const control = L.control.layers(null, null, { collapsed: window.innerWidth < 640 }).addTo(map);
    if (config.tiles) {
        L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: config.tiles.maxZoom }).addTo(map);
    }

    const classColours = { KeyPolluter: "#c2410c", Ordinary: "#1d4ed8", Special: "#7c3aed" };
    const text = value => String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
    const latLng = feature => L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);

    function baseLayer(collection) {
        return L.geoJSON(collection, {
            style: f => f.properties.kind === "outline" ? { color: "#64748b", weight: 2, fillColor: "#eef2ee", fillOpacity: 0.6, className: "base-outline" }
                : f.properties.kind === "river" ? { color: "#60a5fa", weight: 3, className: "base-river" }
                : { color: "#94a3b8", weight: 1.5, dashArray: "4 3", className: "base-road" },
            pointToLayer: (f, at) => L.circleMarker(at, { radius: 2, color: "#475569", className: "base-place" })
                .bindTooltip(text(f.properties.name), { permanent: true, direction: "right", className: "town-label" }),
        });
    }

    function entities(collection) {
        return L.layerGroup(collection.features.map(f => {
            const p = f.properties;
            const problem = p.openProblems > 0;
            return L.circleMarker(latLng(f), {
                radius: problem ? 6 : 4, color: problem ? "#dc2626" : classColours[p.class], weight: problem ? 2.5 : 1,
                fillColor: classColours[p.class], fillOpacity: 0.85, className: problem ? "layer-entity has-problem" : "layer-entity",
            }).bindPopup(`<strong>${text(p.name)}</strong><br>${text(p.classLabel)}${p.positive ? "（正面清单）" : ""}${p.chemical ? " · 化工" : ""}`
                + `${p.construction ? " · 建筑工地" : ""}<br>未销号问题 ${p.openProblems} 个`
                + `${p.risk !== null && p.risk !== undefined ? `<br>检查发现问题的风险 ${Math.round(p.risk * 100)}%` : ""}<br><a href="${text(p.url)}">查看档案</a>`);
        }));
    }

    function zones(collection, colour, kind) {
        return L.layerGroup(collection.features.flatMap(f => {
            const p = f.properties;
            const label = `<strong>${text(p.name)}</strong>${p.level ? "<br>" + text(p.level) : ""}${p.periods ? "<br>" + text(p.periods) : ""}`
                + `<br>周边 ${p.radius >= 1000 ? p.radius / 1000 + " 公里" : p.radius + " 米"}${p.active ? "（考试期间，今日生效）" : ""}`;
            return [
                L.circle(latLng(f), { radius: p.radius, color: colour, weight: 1, dashArray: "5 4", fillOpacity: p.active ? 0.25 : 0.08, className: `layer-${kind}-buffer` }).bindPopup(label),
                L.circleMarker(latLng(f), { radius: 6, color: "#fff", weight: 2, fillColor: colour, fillOpacity: 1, className: `layer-${kind}` }).bindPopup(label),
            ];
        }));
    }

    function areas(collection, style) {
        return L.geoJSON(collection, { style: f => typeof style === "function" ? style(f) : style, onEachFeature: (f, layer) => layer.bindPopup(text(f.properties.name)) });
    }

    // A hot spot: its clustering radius on the ground, and a marker sized by the number of events so it shows at
    // district zoom too.
    function hotspots(collection) {
        return L.layerGroup(collection.features.flatMap(f => {
            const p = f.properties;
            const label = `<strong>投诉热点 #${text(p.rank)}</strong><br>${text(p.summary)}${p.url ? `<br><a href="${text(p.url)}">查看投诉</a>` : ""}`;
            return [
                L.circle(latLng(f), { radius: p.radius, color: "#d97706", weight: 1, fillColor: "#f59e0b", fillOpacity: 0.2, className: "layer-hotspot-zone" }).bindPopup(label),
                L.circleMarker(latLng(f), { radius: 7 + 2 * Math.sqrt(p.events), color: "#b45309", weight: 2, fillColor: "#f59e0b", fillOpacity: 0.8, className: "layer-hotspot" })
                    .bindTooltip(String(p.events), { permanent: true, direction: "center", className: "hotspot-count" }).bindPopup(label),
            ];
        }));
    }

    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
        const div = L.DomUtil.create("div", "map-legend");
        div.innerHTML = '<span class="swatch swatch-key"></span>重点排污单位<br><span class="swatch swatch-ordinary"></span>一般排污单位<br>'
            + '<span class="swatch swatch-special"></span>特殊监管对象<br><span class="swatch swatch-problem"></span>有未销号问题<br>'
            + '<span class="swatch swatch-station"></span>空气站（3公里）<br><span class="swatch swatch-exam"></span>考点（300米）<br>'
            + '<span class="swatch swatch-hotspot"></span>投诉热点';
        return div;
    };
    legend.addTo(map);

    Promise.all([fetch(config.baseLayer).then(r => r.json()), fetch(config.layers).then(r => r.json())]).then(([base, layers]) => {
        const outline = baseLayer(base).addTo(map);
        control.addOverlay(outline, "底图（区界、江河、道路示意）");
        const overlays = [
            ["water", "饮用水水源保护区", c => areas(c, { color: "#0891b2", weight: 1, fillColor: "#22d3ee", fillOpacity: 0.25, className: "layer-water" })],
            ["rivers", "长江、乌江及沿江1公里", c => areas(c, f => f.properties.part === "belt"
                ? { color: "#2563eb", weight: 0, fillColor: "#3b82f6", fillOpacity: 0.15, className: "layer-river-belt" }
                : { color: "#1d4ed8", weight: 3, className: "layer-river" })],
            // Entities before the stations and venues, so the few zone centres stay visible on top of the many dots.
            ["entities", "检查对象", entities],
            ["stations", "空气站及周边3公里", c => zones(c, "#059669", "station")],
            ["exams", "考点及周边300米", c => zones(c, "#db2777", "exam")],
            ["hotspots", "投诉热点", hotspots],
        ];
        const counts = [];
        for (const [key, name, draw] of overlays) {
            if (!layers[key]) continue;
            const layer = draw(layers[key]).addTo(map);
            control.addOverlay(layer, name);
            counts.push(`${name} ${layers[key].features.length}`);
        }
        // The container may have been laid out after the map was created (fonts, the phone layout): measure again.
        map.invalidateSize();
        map.fitBounds(outline.getBounds(), { padding: [10, 10] });
        status.textContent = "已加载：" + counts.join("，");
        status.dataset.loaded = "true";
    }).catch(() => {
        status.textContent = "图层加载失败，请刷新页面重试。";
    });
})();
