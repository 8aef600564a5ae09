{#- The site's only script, loaded with defer. Every page works without it: it adds the
    cart, instant search and offline reading, and gives up quietly when anything fails. -#}
(function () {
"use strict";
var S = {{ {"add": t("add_to_cart"), "addS": t("add_short"), "qty": t("quantity"), "variant": t("variant"),
  "added": t("added"), "see": t("see_cart"), "empty": t("cart_empty"), "full": t("cart_full"),
  "gone": t("cart_gone"), "to": t("order_to"), "remove": t("remove"), "total": t("total"),
  "sub": t("subtotal"), "split": t("cart_split"), "pre": t("preorder_mark"),
  "order": t("order_cart"), "intro": t("cart_intro"), "none": t("search_none"),
  "results": t("results"), "sold": t("sold_out"), "sort": t("sort"), "avail": t("only_available"),
  "sorts": [t("sort_shop"), t("sort_new"), t("sort_cheap"), t("sort_dear")],
  "wait": t("sort_loading"), "all": t("sort_all"), "one": t("sort_page_only")} | tojson }};
var SITE = {{ site | tojson }}, MONEY = {{ money | tojson }};
var KEY = "etalase-cart", MAX_LINES = 25, MAX_QTY = 99, MAX_TEXT = 2000, d = document;
var index = null, loading = null;

function rp(n) { return MONEY[0] + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, MONEY[1]) + MONEY[2]; }
function el(tag, attrs, text) {
  var e = d.createElement(tag);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  if (text != null) e.textContent = text;
  return e;
}
function load() {
  try { var c = JSON.parse(localStorage.getItem(KEY) || "[]"); return Array.isArray(c) ? c : []; }
  catch (e) { return []; }
}
function save(c) {
  try { localStorage.setItem(KEY, JSON.stringify(c)); } catch (e) { /* private mode: session only */ }
  badge(c);
}
function badge(c) {
  var a = d.getElementById("cart-link"), n = 0;
  if (!a) return;
  c.forEach(function (l) { n += l.q; });
  a.hidden = !n; // shown once something is in the cart
  a.lastChild.textContent = "(" + n + ")";
}
// Percent-encodes like the site's own order links (RFC 3986: only A-Z a-z 0-9 - . _ ~ stay).
function enc(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

// One item from a product page (.buy) or a card: data-id, data-p, data-v, data-w, data-max.
function item(box, v, q) {
  var name = (box.querySelector(".name") || d.querySelector("h1")).textContent.trim();
  return {i: box.getAttribute("data-id"), n: name, v: v ? v[0] : "", p: v ? v[1] : +box.getAttribute("data-p"),
    w: box.getAttribute("data-w") || SITE.wa, m: box.getAttribute("data-m") || "",
    o: box.hasAttribute("data-o") ? 1 : 0, x: +box.getAttribute("data-max") || MAX_QTY, q: q};
}
// Adds a line (or to the same line's quantity); says so in `said`.
function put(line, said) {
  var c = load(), same = c.filter(function (l) { return l.i === line.i && l.v === line.v; })[0];
  if (same) same.q = clamp(same.q + line.q, line.x);
  else if (c.length >= MAX_LINES) { said.textContent = S.full; return; }
  else c.push(line);
  save(c);
  said.textContent = S.added + " ";
  said.appendChild(el("a", {href: SITE.cart}, S.see));
}
// A card gets one small button: it adds one, or opens the product page to pick an option.
function addButton(card) {
  var b = el("button", {type: "button", "class": "add-s"}, S.addS), said = el("p", {role: "status"});
  b.addEventListener("click", function () {
    if (card.hasAttribute("data-v")) location.href = card.querySelector("a").href + "#beli";
    else put(item(card, null, 1), said);
  });
  card.appendChild(b);
  card.appendChild(said);
}
// The product page's form: option, quantity, add.
function addForm(box) {
  var variants = JSON.parse(box.getAttribute("data-v") || "[]");
  var f = el("form", {"class": "add"}), pick = null, max = +box.getAttribute("data-max") || MAX_QTY;
  if (variants.length) {
    pick = el("select", {name: "v"});
    variants.forEach(function (v) { pick.appendChild(el("option", {}, v[0] + " · " + rp(v[1]))); });
    f.appendChild(labelled(S.variant, pick));
  }
  var qty = el("input", {type: "number", name: "q", min: 1, max: max, value: 1, inputmode: "numeric"});
  f.appendChild(labelled(S.qty, qty));
  f.appendChild(el("button", {"class": "btn"}, S.add));
  var said = el("p", {role: "status"});
  f.appendChild(said);
  f.addEventListener("submit", function (ev) {
    ev.preventDefault();
    put(item(box, pick ? variants[pick.selectedIndex] : null, clamp(qty.value, max)), said);
  });
  box.appendChild(f);
}
function labelled(text, control) {
  var l = el("label", {}, text + " ");
  l.appendChild(control);
  return l;
}
function clamp(n, max) { return Math.max(1, Math.min(max || MAX_QTY, parseInt(n, 10) || 1)); }

// The gallery: a thumbnail scrolls the photos (not the page) and shows which is in view.
function gallery(box) {
  var thumbs = box.parentNode.querySelectorAll(".thumbs a");
  if (!thumbs.length) return;
  function mark() {
    var n = Math.round(box.scrollLeft / box.clientWidth);
    Array.prototype.forEach.call(thumbs, function (a, i) {
      if (i === n) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
  }
  Array.prototype.forEach.call(thumbs, function (a, i) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      box.scrollTo({left: i * box.clientWidth, behavior: "smooth"});
    });
  });
  box.addEventListener("scroll", mark, {passive: true});
  mark();
}

// The order message: the shop's greeting, one line per item (pre-orders marked), the
// total, the page links while they fit, and the lines the seller asks the buyer to fill.
function message(lines, links) {
  var out = [SITE.greet + ", " + S.intro], total = 0;
  lines.forEach(function (l, n) {
    var sum = l.p * l.q, name = links ? l.n : l.n.slice(0, 40);
    total += sum;
    out.push((n + 1) + ". " + name + (l.v ? " – " + l.v : "") + " × " + l.q + " = " + rp(sum) +
      (l.o ? " " + S.pre : ""));
    if (links) out.push(SITE.products + l.i + "/");
  });
  out.push(S.total + ": " + rp(total));
  if (!links) out.push(SITE.home);
  return out.concat([""], SITE.closing).join("\n");
}
function orderLink(number, lines) {
  var text = message(lines, true);
  if (text.length > MAX_TEXT) text = message(lines, false);
  return "https://wa.me/" + number + "?text=" + enc(text);
}

// Today's prices and availability from the search index, so an order never carries a
// price the maker has since changed; without the index the cart keeps what it has.
function refresh(c) {
  var byId = {};
  index.forEach(function (p) { byId[p.i] = p; });
  c.forEach(function (l) {
    var p = byId[l.i], v = p && l.v ? (p.v || []).filter(function (x) { return x[0] === l.v; })[0] : null;
    l.gone = !p || p.s === "sold_out" || (l.v && !v);
    if (!l.gone) { l.n = p.n; l.p = v ? v[1] : p.p; l.w = p.w || SITE.wa; l.m = p.m || ""; l.o = p.s === "preorder" ? 1 : 0; l.x = p.x; l.q = clamp(l.q, l.x); }
  });
}
function showCart(root) {
  var c = load();
  if (index) refresh(c);
  root.textContent = "";
  if (!c.length) { root.appendChild(el("p", {}, S.empty)); return; }
  var numbers = [];
  c.forEach(function (l) { if (!l.gone && numbers.indexOf(l.w) < 0) numbers.push(l.w); });
  var list = el("ul", {"class": "cart"});
  c.forEach(function (l, n) { list.appendChild(cartLine(c, l, n, root)); });
  root.appendChild(list);
  if (numbers.length > 1) root.appendChild(el("p", {}, S.split));
  numbers.forEach(function (number) {
    var lines = c.filter(function (l) { return !l.gone && l.w === number; }), total = 0;
    lines.forEach(function (l) { total += l.p * l.q; });
    var one = numbers.length === 1, who = seller(number, lines), box = el("div", {"class": "seller"});
    if (!one) box.appendChild(el("h2", {}, who));
    box.appendChild(el("p", {"class": "total"}, (one ? S.total : S.sub) + ": " + rp(total)));
    box.appendChild(el("a", {"class": "btn", href: orderLink(number, lines), rel: "noopener noreferrer"},
      one ? S.order : S.to + " " + who));
    root.appendChild(box);
  });
}
// Who a number reaches: the shop itself, the makers who sell on it, or the number.
function seller(number, lines) {
  if (number === SITE.wa) return SITE.title;
  var makers = [];
  lines.forEach(function (l) { if (l.m && makers.indexOf(l.m) < 0) makers.push(l.m); });
  return makers.length ? makers.join(" & ") : "+" + number;
}
function cartLine(c, l, n, root) {
  var li = el("li", {}), qty = el("input", {type: "number", min: 1, max: l.x || MAX_QTY, value: l.q, inputmode: "numeric"});
  li.appendChild(el("a", {href: SITE.local + l.i + "/"}, l.n + (l.v ? " – " + l.v : "") + (l.o ? " " + S.pre : "")));
  if (l.gone) { li.appendChild(el("p", {}, S.gone)); }
  else {
    li.appendChild(el("span", {}, " " + rp(l.p) + " "));
    li.appendChild(labelled(S.qty, qty));
    qty.addEventListener("change", function () { l.q = clamp(qty.value, l.x); store(c); showCart(root); });
  }
  var drop = el("button", {type: "button", "class": "btn quiet"}, S.remove);
  drop.addEventListener("click", function () { c.splice(n, 1); store(c); showCart(root); });
  li.appendChild(drop);
  return li;
}
function store(c) {
  save(c.map(function (l) { return {i: l.i, n: l.n, v: l.v, p: l.p, w: l.w, m: l.m, o: l.o, x: l.x, q: l.q}; }));
}

// Instant search: the index is fetched the first time the box is used, never before.
function getIndex(done) {
  if (!loading) {
    loading = fetch(SITE.index).then(function (r) { return r.json(); })
      .then(function (data) { index = data; });
    loading.catch(function () { loading = null; }); // offline: the page lists the categories
  }
  loading.then(done, function () {});
}
function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
function search(query, out) {
  var words = fold(query).split(/\s+/).filter(Boolean);
  out.textContent = "";
  if (!words.length) return;
  var hits = index.map(function (p, i) {
    var text = fold(p.n + " " + p.c) + " " + (p.k || ""), score = 0;
    words.forEach(function (w) { var n = near(w, text); score = n && score >= 0 ? score + n : -1; });
    return [score, i, p];
  }).filter(function (h) { return h[0] > 0; })
    .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
    .map(function (h) { return h[2]; });
  out.appendChild(el("p", {}, hits.length ? hits.length + " " + S.results : S.none));
  var list = el("ul", {"class": "hits"});
  hits.slice(0, 24).forEach(function (p) {
    var li = el("li", {});
    li.appendChild(el("a", {href: SITE.local + p.i + "/"}, p.n));
    li.appendChild(el("span", {}, " " + rp(p.p) + (p.s === "sold_out" ? " · " + S.sold : "")));
    list.appendChild(li);
  });
  out.appendChild(list);
}
// 2: the word is in the text; 1: a word of the text starts nearly like it (one letter
// missing, extra or wrong: "kset" finds "keset"); 0: neither.
function near(w, text) {
  if (text.indexOf(w) >= 0) return 2;
  return w.length > 3 && text.split(/\W+/).some(function (x) {
    return [-1, 0, 1].some(function (e) { return edits(w, x.slice(0, w.length + e)) < 2; });
  }) ? 1 : 0;
}
function edits(a, b) { // Levenshtein distance
  var row = [], i, j, prev, next;
  for (j = 0; j <= b.length; j++) row[j] = j;
  for (i = 1; i <= a.length; i++) {
    prev = row[0]; row[0] = i;
    for (j = 1; j <= b.length; j++) {
      next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}
// A listing's choices: the shop's order (the page's own), newest, cheapest, dearest,
// and available only. Cards carry data-k="price date". A listing of several pages
// (data-sort="first-page count this-page") fetches its other pages' cards at the first
// choice, so "cheapest" means the cheapest of the whole listing, not of one page.
function sorter(list) {
  var own = [].slice.call(list.children), all = null, bar = el("div", {"class": "sort"});
  var pick = el("select", {}), only = el("input", {type: "checkbox"}), l = el("label", {});
  var note = el("p", {role: "status"}), pages = (list.getAttribute("data-sort") || "").split(" ");
  var pager = list.parentNode.querySelector(".pager");
  S.sorts.forEach(function (s) { pick.appendChild(el("option", {}, s)); });
  bar.appendChild(labelled(S.sort, pick));
  l.appendChild(only);
  l.appendChild(d.createTextNode(" " + S.avail));
  bar.appendChild(l);
  bar.appendChild(note);
  function key(c) { var k = c.getAttribute("data-k").split(" "); return [+k[0], k[1] || ""]; }
  function fetchAll() {
    var wanted = [], n;
    note.textContent = S.wait;
    for (n = 1; n <= +pages[1]; n++) {
      wanted.push(n === +pages[2] ? own : fetch(pages[0] + (n > 1 ? "hal/" + n + "/" : ""))
        .then(function (r) { if (!r.ok) throw r; return r.text(); }).then(cardsOf));
    }
    Promise.all(wanted).then(function (lists) {
      all = [].concat.apply([], lists);
      note.textContent = S.all.replace("{n}", all.length);
      apply();
    }, function () { all = own; note.textContent = S.one; apply(); });
  }
  function apply() {
    var n = pick.selectedIndex, whole = n > 0 || only.checked;
    if (whole && !all && pages.length > 2) { fetchAll(); return; }
    var shown = whole && all ? all : own;
    if (pager) pager.hidden = shown !== own;
    list.textContent = "";
    shown.map(function (c, i) { return [key(c), i, c]; }).sort(function (a, b) {
      var by = n === 1 ? (b[0][1] > a[0][1]) - (b[0][1] < a[0][1]) : n === 2 ? a[0][0] - b[0][0]
        : n === 3 ? b[0][0] - a[0][0] : 0;
      return by || a[1] - b[1];
    }).forEach(function (c) {
      c[2].hidden = only.checked && c[2].classList.contains("is-sold");
      list.appendChild(c[2]);
    });
  }
  pick.addEventListener("change", apply);
  only.addEventListener("change", apply);
  list.parentNode.insertBefore(bar, list);
}
// The cards of another page of a listing, made ready as this page's own are.
function cardsOf(html) {
  var doc = new DOMParser().parseFromString(html, "text/html"), ul = doc.querySelector("[data-sort]");
  var found = [].slice.call(ul ? ul.children : []);
  found.forEach(function (c) { if (c.hasAttribute("data-id")) addButton(c); expire(c); });
  return found;
}
var today = new Date().toISOString().slice(0, 10);
function expire(root) { // a "new" badge whose time has passed goes
  [].forEach.call(root.querySelectorAll("[data-until]"), function (b) {
    if (b.getAttribute("data-until") < today) b.remove();
  });
}
function searchBox(form) {
  var input = form.querySelector("input"), out = d.getElementById("hits"), timer;
  function run() { getIndex(function () { search(input.value, out); }); }
  input.addEventListener("focus", function () { getIndex(function () {}); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
}

function start() {
  badge(load());
  var each = function (q, f) { Array.prototype.forEach.call(d.querySelectorAll(q), f); };
  each(".buy[data-id]", addForm);
  each(".card[data-id]", addButton);
  each(".slides", gallery);
  each("[data-sort]", sorter);
  expire(d);
  var form = d.querySelector("form.find"), cart = d.getElementById("cart");
  if (form) searchBox(form);
  var nojs = d.getElementById("nojs"); // the search page's note for browsers without script
  if (nojs) nojs.remove();
  if (cart) { showCart(cart); getIndex(function () { showCart(cart); }); }
  if ("serviceWorker" in navigator) navigator.serviceWorker.register(SITE.sw).catch(function () {});
}
try { start(); } catch (e) { /* the page keeps working as plain HTML */ }
})();
