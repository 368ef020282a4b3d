// Draws the report dashboard's charts from the JSON block the server renders (the Content-Security-Policy forbids
// inline script). Each chart has a data table next to it, so nothing here is needed to read the numbers; clicking a
// bar or point opens the ledger rows behind it, like the links in the tables.
(function () {
    const source = document.getElementById("figures");
    if (!source || !window.Chart) return;
    const { figures: f, links } = JSON.parse(source.textContent);
    const narrow = matchMedia("(max-width: 720px)").matches;
    // On a phone "1月…12月" would be turned on its side; bare numbers under an axis title stay level.
    const months = Array.from({ length: 12 }, (_, i) => narrow ? String(i + 1) : (i + 1) + "月");
    const monthAxis = { title: { display: narrow, text: "月份" }, ticks: { maxRotation: 0, autoSkip: false } };
    const green = "#1f6f50", light = "#9cc9b4", orange = "#c2410c", blue = "#1d4ed8";
    const palette = [green, orange, blue, "#7c3aed", "#be123c", "#0f766e", "#a16207", "#64748b"];
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.color = "#1f2933";
    Chart.defaults.animation = false; // drawn at once: nothing to wait for on a slow phone, and screenshots are complete
    Chart.defaults.maintainAspectRatio = false; // the .chart-box sets the height, the card the width
    const integer = { beginAtZero: true, ticks: { precision: 0 } };

    function draw(id, config, targets) {
        const canvas = document.getElementById(id);
        if (!canvas) return;
        if (targets) {
            config.options = config.options || {};
            config.options.onClick = (_, elements) => { if (elements.length) window.location.href = targets[elements[0].index]; };
            config.options.onHover = (e, elements) => { e.native.target.style.cursor = elements.length ? "pointer" : "default"; };
        }
        new Chart(canvas, config);
    }
    const labels = pairs => pairs.map(p => p.label);
    const counts = pairs => pairs.map(p => p.count);

    draw("chart-inspections", {
        type: "bar",
        data: { labels: months, datasets: [
            { label: "计划检查", data: f.plannedByMonth, backgroundColor: light },
            { label: "完成检查", data: f.doneByMonth, backgroundColor: green }] },
        options: { scales: { x: monthAxis, y: integer }, plugins: { legend: { position: "bottom" } } },
    });
    draw("chart-found", {
        type: "line",
        data: { labels: months, datasets: [{ label: "发现问题", data: f.foundByMonth, borderColor: orange, backgroundColor: orange, cubicInterpolationMode: "monotone" }] },
        options: { scales: { x: monthAxis, y: integer }, plugins: { legend: { display: false } } },
    }, links.foundByMonth);
    draw("chart-category", {
        type: "bar",
        data: { labels: labels(f.byCategory), datasets: [{ label: "问题数", data: counts(f.byCategory), backgroundColor: green }] },
        options: { scales: { y: integer }, plugins: { legend: { display: false } } },
    }, links.byCategory);
    const anySource = f.bySource.some(p => p.count > 0);
    draw("chart-source", anySource ? {
        type: "doughnut",
        data: { labels: labels(f.bySource), datasets: [{ data: counts(f.bySource), backgroundColor: palette }] },
        options: { plugins: { legend: { position: narrow ? "bottom" : "right", labels: { boxWidth: 12 } } } },
    } : {
        // An empty doughnut draws nothing at all; empty bars at least show the axes and that every source is zero.
        type: "bar",
        data: { labels: labels(f.bySource), datasets: [{ label: "问题数", data: counts(f.bySource), backgroundColor: green }] },
        options: { scales: { y: integer }, plugins: { legend: { display: false } } },
    }, links.bySource);
    draw("chart-measure", {
        type: "bar",
        data: { labels: labels(f.byMeasure), datasets: [{ label: "问题数", data: counts(f.byMeasure), backgroundColor: blue }] },
        options: { indexAxis: "y", scales: { x: integer }, plugins: { legend: { display: false } } },
    }, links.byMeasure);
    // Eight campaigns of three bars each do not fit across a phone: there they run down the page, one row per campaign.
    const campaignCanvas = document.getElementById("chart-campaigns");
    if (narrow && campaignCanvas) campaignCanvas.parentElement.style.height = Math.max(300, 90 * f.campaigns.length) + "px";
    draw("chart-campaigns", {
        type: "bar",
        data: { labels: f.campaigns.map(c => c.shortName), datasets: [
            { label: "完成检查", data: f.campaigns.map(c => c.done), backgroundColor: green },
            { label: "发现问题", data: f.campaigns.map(c => c.found), backgroundColor: orange },
            { label: "已整改", data: f.campaigns.map(c => c.closed), backgroundColor: light }] },
        options: { indexAxis: narrow ? "y" : "x", scales: { [narrow ? "x" : "y"]: integer }, plugins: { legend: { position: "bottom" } } },
    }, links.campaigns);
})();
