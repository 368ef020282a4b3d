// Fills the hidden position fields of a form marked data-geolocate when the officer allows the browser to locate
// the phone; without permission (or on a desktop) the record simply has no position.
document.querySelectorAll("form[data-geolocate]").forEach(form => {
    const status = form.querySelector("[data-geo-status]");
    if (!("geolocation" in navigator)) { if (status) status.textContent = "此设备不支持定位，记录将不含位置。"; return; }
    navigator.geolocation.getCurrentPosition(p => {
        form.querySelector("[name=Latitude]").value = p.coords.latitude.toFixed(6);
        form.querySelector("[name=Longitude]").value = p.coords.longitude.toFixed(6);
        form.querySelector("[name=AccuracyMetres]").value = Math.round(p.coords.accuracy);
        if (status) status.textContent = `已定位（精度约 ${Math.round(p.coords.accuracy)} 米）。`;
    }, () => { if (status) status.textContent = "未获得定位权限，记录将不含位置。"; }, { enableHighAccuracy: true, timeout: 15000 });
});
