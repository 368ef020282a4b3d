// Draws the readings of the monitoring point page. Data comes from the JSON block the server renders, so the page
// needs no inline script (the Content-Security-Policy forbids it).
(function () {
    const source = document.getElementById("chart-data");
    const canvas = document.getElementById("chart");
    if (!source || !canvas || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    const colours = ["#1f6f50", "#c2410c", "#1d4ed8", "#7c3aed", "#be123c", "#0f766e", "#a16207"];
    const labels = [...new Set(data.series.flatMap(s => s.points.map(p => p.t)))].sort();
    const datasets = [];
    data.series.forEach((s, i) => {
        const colour = colours[i % colours.length];
        const byTime = new Map(s.points.map(p => [p.t, p.v]));
        datasets.push({ label: s.name, data: labels.map(t => byTime.get(t) ?? null), borderColor: colour, backgroundColor: colour,
            pointRadius: s.markers ? 3 : 0, showLine: !s.markers, borderWidth: 1.5, spanGaps: false });
        if (s.limit !== null && s.limit !== undefined) {
            datasets.push({ label: s.name + " 限值", data: labels.map(() => s.limit), borderColor: colour, borderDash: [6, 4],
                pointRadius: 0, borderWidth: 1 });
        }
    });
    // A lead's suspicious stretch, shaded behind the lines (labels are "yyyy-MM-dd HH:mm", so text order is time order).
    const shade = {
        id: "shade",
        beforeDatasetsDraw(chart) {
            const h = data.highlight;
            if (!h) return;
            const first = labels.findIndex(t => t >= h.from);
            const last = labels.findLastIndex(t => t <= h.to);
            if (first < 0 || last < first) return;
            const x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
            ctx.save();
            ctx.fillStyle = "rgba(220, 38, 38, 0.15)";
            const left = x.getPixelForValue(first), right = Math.max(x.getPixelForValue(last), left + 2);
            ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
            ctx.restore();
        },
    };
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    new Chart(canvas, {
        type: "line",
        plugins: [shade],
        data: { labels, datasets },
        options: { animation: false, interaction: { mode: "index", intersect: false }, scales: { x: { ticks: { maxTicksLimit: 12 } } } },
    });
})();
