// The toilet finder's map, drawn only where JavaScript runs: the list on the page stays
// the primary view (it works without this script and is what screen readers use); the
// map shows the same toilets. Each marker is a focusable button (Leaflet's keyboard
// support) named after its toilet; Enter opens its popup with the link to its page.
// Tiles come from the server the settings name; without one the map has none.
(function () {
  "use strict";

  function draw() {
    var box = document.getElementById("toilet-map");
    if (!box || box.dataset.drawn === "1" || typeof L === "undefined") {
      return;
    }
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-toilet-lat]"));
    if (cards.length === 0) {
      return;
    }
    box.hidden = false;
    box.dataset.drawn = "1";
    var map = L.map(box, { scrollWheelZoom: false, keyboard: true });
    if (box.dataset.tiles) {
      L.tileLayer(box.dataset.tiles, {
        maxZoom: 19,
        attribution: box.dataset.tileAttribution || "",
      }).addTo(map);
    }
    L.Icon.Default.imagePath = "/map/images/";
    var bounds = [];
    cards.forEach(function (card) {
      var lat = parseFloat(card.dataset.toiletLat);
      var lon = parseFloat(card.dataset.toiletLon);
      if (!isFinite(lat) || !isFinite(lon)) {
        return;
      }
      var link = card.querySelector("a[href]");
      var name = link ? link.textContent : "";
      var marker = L.marker([lat, lon], { title: name, alt: name, keyboard: true }).addTo(map);
      var popup = document.createElement("a");
      popup.href = link ? link.getAttribute("href") : "#";
      popup.textContent = name;
      marker.bindPopup(popup);
      bounds.push([lat, lon]);
    });
    var here = box.dataset.here && box.dataset.here.split(",").map(parseFloat);
    if (here && here.length === 2 && isFinite(here[0]) && isFinite(here[1])) {
      L.circleMarker(here, { radius: 8, interactive: false }).addTo(map);
      bounds.push(here);
    }
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
  // The browser app may render the finder later (moving between pages without a
  // reload): draw when its map box appears.
  new MutationObserver(draw).observe(document.body, { childList: true, subtree: true });
})();
