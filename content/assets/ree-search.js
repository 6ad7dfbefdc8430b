/* The site's search box (overrides/partials/search.html), on Pagefind's chunked index.

   Nothing is fetched until a reader focuses the box: then Pagefind's script and the settings file the build writes
   beside the index (pagefind/ree-search.json, from ree_site/render/search.py: ranking weights, the common words,
   the site's vocabulary); each query then fetches only the index chunks and result fragments it needs.
   A query is read in three steps: misspelt words are corrected against the site's vocabulary (titles, other
   names, glossary terms, headings: the nearest word by letters changed, missing, added or swapped, when the word
   is found nowhere in the index), common words are dropped, and when no page holds every remaining word, the
   words that say least (those on most pages) are set aside until some page does. Pages come once each, with
   their best-matching sections under them. Without JavaScript the box does nothing and every page stays
   reachable from the navigation. */
(function () {
  "use strict";

  var box = document.querySelector("[data-ree-search-box]");
  if (!box) return;
  var form = box.querySelector("form");
  var input = box.querySelector("input");
  var output = box.querySelector(".ree-search__output");
  var list = box.querySelector("[data-ree-search-results]");
  var status = box.querySelector("[data-ree-search-status]");
  var filterBox = box.querySelector("[data-ree-search-filters]");
  var narrow = box.querySelector("[data-ree-search-narrow]");
  var toggle = document.getElementById("__search");
  var bundle = new URL(box.getAttribute("data-pagefind"), document.baseURI);
  var root = new URL("..", bundle).pathname;
  var FILTERS = [["kind", "Kind"], ["country", "Country"], ["stage", "Stage"]];

  var engine = null;
  var chosen = {};
  var latest = 0;

  function load() {
    if (engine) return engine;
    engine = Promise.all([
      import(new URL("pagefind.js", bundle).href),
      fetch(new URL("ree-search.json", bundle)).then(function (r) {
        if (!r.ok) throw new Error("search settings: " + r.status);
        return r.json();
      }),
    ]).then(async function (loaded) {
      var pagefind = loaded[0], settings = loaded[1];
      await pagefind.options({ ranking: settings.ranking, baseUrl: root, excerptLength: 24 });
      await pagefind.init();
      return {
        pagefind: pagefind,
        settings: settings,
        stop: new Set(settings.stopWords),
        common: settings.common,
        general: new Set(settings.general || []),
        vocabulary: settings.vocabulary,
        kin: kin(settings.adjectives || {}),
        words: Object.keys(settings.vocabulary),
      };
    });
    engine.catch(function () { engine = null; });
    return engine;
  }

  // Each country's name and adjective, both ways.
  function kin(adjectives) {
    var both = {};
    Object.keys(adjectives).forEach(function (name) {
      both[name] = adjectives[name];
      if (!(adjectives[name] in both)) both[adjectives[name]] = name;
    });
    return both;
  }

  // Words as the index holds them: lower case, accents and punctuation off.
  function words(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]s\b/g, "")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Letters changed, missing, added or two neighbours swapped (optimal string alignment), or Infinity past `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return Infinity;
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var best = Infinity;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (best > most) return Infinity;
    }
    return rows[a.length][b.length];
  }

  function allowed(word, settings) {
    var most = 0;
    settings.correction.forEach(function (rule) { if (word.length >= rule[0]) most = rule[1]; });
    return most;
  }

  // The word itself when the site knows it (or it is the start of a word of the site's names, as while typing);
  // else the words of the vocabulary nearest to it, nearest first (none when nothing is near enough).
  async function candidates(word, e) {
    var most = allowed(word, e.settings);
    if (!most || e.stop.has(word) || /\d/.test(word) || e.vocabulary[word]) return [word];
    if (e.words.some(function (known) { return known.startsWith(word); })) return [word];
    var exact = await e.pagefind.search('"' + word + '"');
    if (exact && exact.results.length) return [word];
    var near = [];
    e.words.forEach(function (known) {
      var d = distance(word, known, most);
      if (d <= most) near.push({ word: known, distance: d });
    });
    var best = Math.min.apply(null, near.map(function (n) { return n.distance; }));
    near = near.filter(function (n) { return n.distance === best; });
    // A slip of the first letter is the rarest: of words as near, those that keep it, if any do.
    if (near.some(function (n) { return n.word[0] === word[0]; })) {
      near = near.filter(function (n) { return n.word[0] === word[0]; });
    }
    near.sort(function (a, b) { return e.vocabulary[b.word] - e.vocabulary[a.word] || (a.word < b.word ? -1 : 1); });
    return near.length ? near.slice(0, 5).map(function (n) { return n.word; }) : [word];
  }

  // The query with each misspelt word corrected: of the words as near as each other, the one with which the
  // rest of the query finds the most pages ("energy fules": "energy fuels", not "energy files").
  async function correct(typed, e) {
    var fixed = typed.slice();
    for (var i = 0; i < fixed.length; i++) {
      var options = await candidates(fixed[i], e);
      if (options.length === 1) {
        fixed[i] = options[0];
        continue;
      }
      var best = options[0], most = -1;
      for (var option of options) {
        var trial = fixed.slice();
        trial[i] = option;
        var count = (await e.pagefind.search(trial.filter(function (w) { return !e.stop.has(w); }).join(" "))).results.length;
        if (count > most) { best = option; most = count; }
      }
      fixed[i] = best;
    }
    return fixed;
  }

  // How much a word tells: the fewer pages hold it, the more (Pagefind's own measure); nothing if none does.
  function idf(count, pages) {
    return count ? Math.log((pages - count + 0.5) / (count + 0.5) + 1) : 0;
  }

  // How much a query's word tells: its idf, less for a word of everyday English that names nothing on the site
  // ("called", "goes", "biggest"), which a page may lack without being the wrong answer.
  async function weight(term, filters, e, seen) {
    var told = idf(await frequency(term, filters, e, seen), e.settings.pages);
    return e.general.has(term) ? told * e.settings.generalWeight : told;
  }

  // How many pages hold `term` (as the start of a word, as Pagefind reads it; a word of one or two letters as a
  // word of its own, since "us" starts "used" and "USGS"), once per query; for the site's common words, as the
  // settings give it, without loading their share of the index.
  async function frequency(term, filters, e, seen) {
    if (term in e.common) return Math.round(e.common[term] * e.settings.pages);
    if (!(term in seen)) {
      var asked = term.length <= 2 ? '"' + term + '"' : term;
      seen[term] = (await e.pagefind.search(asked, { filters: filters })).results.length;
    }
    return seen[term];
  }

  // The results for `terms`, best first, as {result, score}. Pagefind finds the pages that hold every word; those
  // that hold all but one (or, in a query of four words or more, all but two; or only the words that are not
  // everyday English) join them, their score scaled by the square of the share of the query's weight they hold
  // (leaving out "rare" on this site costs nearly nothing, leaving out "Kalgoorlie" nearly everything). When no page
  // holds even that many, the most telling words that some page holds together are searched, fewest set aside first.
  async function find(terms, filters, e, seen) {
    var pf = e.pagefind;
    var options = { filters: filters };
    if (terms.length === 1 && terms[0].length <= 2) {
      // A symbol ("Y", "Nd") is a word of its own, not the start of every word with its letters: the pages that
      // hold it as a word, in the order the prefix search ranks them.
      var exact = await pf.search('"' + terms[0] + '"', options);
      var ids = new Set(exact.results.map(function (r) { return r.id; }));
      var ranked = (await pf.search(terms[0], options)).results;
      return scored(ids.size ? ranked.filter(function (r) { return ids.has(r.id); }) : ranked, 1);
    }
    var weights = {};
    for (var t of terms) weights[t] = await weight(t, filters, e, seen);
    var total = sum(terms, weights) || 1;
    var searches = [terms];
    if (terms.length > 1 && terms.length <= e.settings.leftOut) {
      // Each word left out in turn, and in a question of four words or more each pair of words: a question's
      // wording and the page's may differ in two words ("factory" and "produce" for a plant's capacity).
      combinations(terms, terms.length - 1).forEach(function (some) { searches.push(some); });
      if (terms.length >= 4) combinations(terms, terms.length - 2).forEach(function (some) { searches.push(some); });
    }
    // A page may lack every word of everyday English in a question and still answer it.
    var topicalOnly = terms.filter(function (t) { return !e.general.has(t); });
    if (topicalOnly.length && topicalOnly.length < terms.length - 2) searches.push(topicalOnly);
    // A country's name is also searched as its adjective, and the adjective as the name ("China", "Chinese").
    searches.slice().forEach(function (subset) {
      if (subset.some(function (t) { return e.kin[t]; })) searches.push(subset.map(function (t) { return e.kin[t] || t; }));
    });
    terms.forEach(function (t) { if (e.kin[t] && !(e.kin[t] in weights)) weights[e.kin[t]] = weights[t]; });
    var pool = new Map();
    for (var subset of searches) {
      var share = Math.pow(sum(subset, weights) / total, 2);
      (await pf.search(subset.join(" "), options)).results.forEach(function (r, i) {
        add(pool, r, subset, r.score * share).lead |= i < e.settings.leads;
      });
    }
    if (pool.size < e.settings.few && terms.length > 2) {
      // Few pages hold all the words, or all but one: a long question ("which company holds the quota for ion
      // adsorption clay mining") names more than any page does. The most telling words are searched in smaller
      // sets, most telling first, and the first set any page holds adds its pages at the share of the query it is.
      var kept = terms.filter(function (t) { return weights[t] > 0; });
      kept.sort(function (a, b) { return weights[b] - weights[a]; });
      kept = kept.slice(0, 6);
      var before = pool.size;
      var left = searches.length > 1 ? 2 : 1;  // how many words the searches above left out at most
      for (var size = Math.min(kept.length, terms.length - left); size >= 1 && pool.size === before; size--) {
        var subsets = combinations(kept, size).sort(function (a, b) { return sum(b, weights) - sum(a, weights); });
        for (var some of subsets) {
          var found = (await pf.search(some.join(" "), options)).results;
          if (!found.length) continue;
          var part = Math.pow(sum(some, weights) / total, 2);
          found.forEach(function (r) { if (!pool.has(r.id)) add(pool, r, some, r.score * part); });
          break;
        }
      }
    }
    return Array.from(pool.values()).sort(function (a, b) { return b.score - a.score; });
  }

  // A page's best score, and its score for each set of words searched (see `held` in rerank).
  function add(pool, r, subset, score) {
    var had = pool.get(r.id);
    if (!had) pool.set(r.id, had = { result: r, score: score, by: [] });
    had.by.push({ terms: subset, score: score });
    if (had.score < score) {
      had.score = score;
      had.result = r;
    }
    return had;
  }

  function scored(results, share) {
    return results.map(function (r) { return { result: r, score: r.score * share, by: [] }; });
  }

  // The words to look up, and the words a page's names are matched against. Common English words ("what", "the")
  // are neither, and the site's own common words (on more than half its pages: "rare", "earth" here) are not
  // looked up, since every page holds them and their share of the index is the largest, unless they are all the
  // query has ("what are rare earths"): then the English words are what tells pages apart, and all are looked up.
  async function topical(fixed, filters, e) {
    var named = fixed.filter(function (t) { return !e.stop.has(t) && (t.length > 1 || fixed.length === 1); });
    if (!named.length) return { searched: fixed, named: fixed };
    var searched = named.filter(function (t) { return !(t in e.common); });
    if (searched.length) return { searched: searched, named: named };
    if (named.length === fixed.length) return { searched: named, named: named };
    var all = fixed.filter(function (t) { return t.length > 1; });
    var found = await e.pagefind.search(all.join(" "), { filters: filters });
    return { searched: found.results.length ? all : named, named: named };
  }

  function sum(terms, weights) {
    return terms.reduce(function (total, t) { return total + weights[t]; }, 0);
  }

  function combinations(items, size) {
    if (size === 0) return [[]];
    if (items.length < size) return [];
    var first = items[0], rest = items.slice(1);
    return combinations(rest, size - 1).map(function (c) { return [first].concat(c); }).concat(combinations(rest, size));
  }


  // Two forms of one word: the same, or with different short endings (magnet, magnets; country, countries;
  // recycled, recycling): lengths within three letters, and all but the last two letters of the shorter shared.
  function same(q, w) {
    if (q === w) return true;
    var shorter = Math.min(q.length, w.length);
    if (shorter < 4 || Math.abs(q.length - w.length) > 3) return false;
    var shared = 0;
    while (shared < shorter && q[shared] === w[shared]) shared++;
    return shared >= Math.max(4, shorter - 2);
  }

  // The word itself or one of its forms (scan, scans, scanned, scanner) among `own`, a page's words; not a longer
  // word that merely starts with it (scandium), which Pagefind's search by the start of words also finds. A root is
  // the word, or the word less one ending of the settings' list; a form is a root with one ending of that list.
  function holds(q, own, endings, kin) {
    if (own.has(q) || q.length < 3 || (kin && kin[q] && own.has(kin[q]))) return true;
    if (/\d/.test(q)) return false;
    var roots = [q];
    endings.forEach(function (end) {
      if (end && q.length - end.length >= 3 && q.endsWith(end)) roots.push(q.slice(0, q.length - end.length));
    });
    for (var w of own) {
      for (var root of roots) {
        if (!w.startsWith(root)) continue;
        var rest = w.slice(root.length);
        // ... or with its last letter doubled before the ending (stop, stopped; ship, shipping).
        if (endings.indexOf(rest) >= 0 || (rest[0] === root[root.length - 1] && endings.indexOf(rest.slice(1)) >= 0)) return true;
      }
    }
    return false;
  }

  // An abbreviation of words of the name, as "eu" of "European Union" or "crma" of "Critical Raw Materials Act";
  // with `word`, whether that word is one of them.
  function initials(q, name, word) {
    if (q.length < 2 || q.length > 5) return false;
    for (var i = 0; i + q.length <= name.length; i++) {
      var part = name.slice(i, i + q.length);
      if (part.map(function (w) { return w[0]; }).join("") === q) return word === undefined || part.indexOf(word) >= 0;
    }
    return false;
  }

  // A page's names: its title, its other names, the questions it answers, what it is (a mine in China); each as
  // its topical words.
  function names(data, e) {
    var meta = data.meta || {};
    var all = [meta.title || "", meta.about || ""].concat((meta.aliases || "").split(","), (meta.questions || "").split("|"), (meta.typical || "").split("|"));
    return all.map(function (n, i) {
      var name = words(n).filter(function (w) { return !e.stop.has(w); });
      // What a producer is and where ("magnet plant in United States") names its country, not the page: the
      // country's initials ("US") there are not a name of the page.
      name.described = i === 1;
      return name;
    }).filter(function (n) { return n.length; });
  }

  // Whether `name` holds the query's words one after another, in the order typed.
  function together(query, name) {
    for (var i = 0; i + query.length <= name.length; i++) {
      if (query.every(function (q, k) { return same(q, name[i + k]); })) return true;
    }
    return false;
  }

  // How well a page's names (`list`, from names) match the query: the share of the query's weight its best name
  // holds, and, for a name that holds every word, the weight of the words it has besides (the fewer, the closer the
  // name is to the query).
  function nameMatch(query, weights, list, e) {
    var total = query.reduce(function (t, q) { return t + weights[q]; }, 0) || 1;
    var best = { share: 0, extra: Infinity };
    list.forEach(function (name) {
      var held = query.filter(function (q) { return name.some(function (w) { return same(q, w); }) || (!name.described && initials(q, name)); });
      var share = held.reduce(function (t, q) { return t + weights[q]; }, 0) / total;
      var spelt = query.filter(function (q) { return !name.some(function (w) { return same(q, w); }); });
      var extra = held.length === query.length ? name.filter(function (w) {
        return !query.some(function (q) { return same(q, w) || (spelt.indexOf(q) >= 0 && initials(q, name, w)); });
      }).reduce(function (t, w) { return t + Math.log(1 + e.settings.pages / (1 + (e.vocabulary[w] || 0))); }, 0) : Infinity;
      // A name that holds a word only as its initials ("HHI" of "Herfindahl–Hirschman index") is a little further
      // from the query than one that holds the word itself, and nearer than one with another word besides.
      extra += e.settings.acronym * spelt.length;
      // A name that holds the words apart ("how much rare earth does India mine" for "Indian rare earths") is further
      // from the query than one that holds them side by side, in the order typed.
      if (held.length === query.length && query.length > 1 && !together(query, name)) extra += e.settings.apart;
      if (share > best.share || (share === best.share && extra < best.extra)) best = { share: share, extra: extra };
    });
    return best;
  }

  // A page's score on the words it holds: Pagefind finds a word as the start of longer ones ("scans" in
  // "scandium", "mine" in "minerals"), so for each set of words searched, the page's score is scaled by the square
  // of the share of that set's weight it holds as words or their forms, and the best of these is kept.
  function held(found, own, weights, e) {
    if (!found.by.length) return found.score;
    var has = {};  // each word looked for once, however many of the searches hold it
    function hasWord(t) {
      if (!(t in has)) has[t] = holds(t, own, e.settings.endings, e.kin);
      return has[t];
    }
    return Math.max.apply(null, found.by.map(function (b) {
      var all = sum(b.terms, weights);
      var kept = sum(b.terms.filter(hasWord), weights);
      return all > 0 ? b.score * Math.pow(kept / all, 2) : b.score;
    }));
  }

  // Many pages of one kind that match a query alike, none of them by its own name ("how have oxide costs changed"
  // on every element's page), answer it each no better than the others: the query is about them all, and the page
  // that compares them (a view) is the answer. Each such page's score is divided by how many there are.
  function siblings(rows, rule) {
    if (!rule || !rule.count) return;
    var kinds = {};
    rows.forEach(function (r) {
      if (r.full || r.named) return;
      var kind = (r.data.meta || {}).kind || "";
      (kinds[kind] = kinds[kind] || []).push(r);
    });
    Object.keys(kinds).forEach(function (kind) {
      var group = kinds[kind];
      var best = Math.max.apply(null, group.map(function (r) { return r.score; }));
      var alike = group.filter(function (r) { return r.score >= best * (1 - rule.within); });
      if (alike.length >= rule.count) alike.forEach(function (r) { r.score /= alike.length; });
    });
  }

  // Pagefind's best results ordered again: pages one of whose names holds every word of the query first, the
  // closest name first; then the others by Pagefind's score, raised by the share of the query their names hold
  // (times the settings' nameBoost).
  async function rerank(results, terms, filters, e, seen, question) {
    var query = terms.filter(function (q) { return !e.stop.has(q); });
    if (!query.length) query = terms;
    // The best by score, and the pages that led any of the searches of some of the query's words (a page whose
    // names hold the query's telling words may lack its others: "why did Neo Performance Materials sell ...").
    var top = results.slice(0, e.settings.reranked).concat(results.slice(e.settings.reranked).filter(function (r) { return r.lead; }));
    var data = await Promise.all(top.map(function (r) { return r.result.data(); }));
    var weights = {};
    for (var q of query) weights[q] = await weight(q, filters, e, seen);
    for (var r of top) {
      for (var b of r.by) for (var t of b.terms) if (!(t in weights)) weights[t] = await weight(t, filters, e, seen);
    }
    var rows = data.map(function (d, i) {
      var list = names(d, e);
      var match = nameMatch(query, weights, list, e);
      var weight = e.settings.kinds[(d.meta || {}).kind] || 1;
      var text = words(d.content || "");
      // A page that holds the words side by side, in the order typed ("largest rare-earth mine"), weighs the
      // settings' sideBySide times more.
      if (query.length > 1 && (" " + text.join(" ") + " ").indexOf(" " + query.join(" ") + " ") >= 0) {
        weight *= e.settings.sideBySide;
      }
      var own = new Set(text);
      list.forEach(function (name) { name.forEach(function (w) { own.add(w); }); });
      // A page whose opening words hold the telling words of a question (a query with words such as "how" or
      // "the") answers it there: its weight is raised by the square of the share of them the opening holds.
      if (question) {
        var opening = new Set(text.slice(0, e.settings.opening));
        var lead = sum(query.filter(function (q) { return holds(q, opening, e.settings.endings, e.kin); }), weights) / (sum(query, weights) || 1);
        weight *= 1 + e.settings.leadBoost * lead * lead;
      }
      var named = words((d.meta.title || "") + " " + (d.meta.aliases || "")).some(function (w) {
        return query.some(function (q) { return same(q, w); });
      });
      return { data: d, full: match.extra < Infinity, extra: match.extra, named: named, score: held(top[i], own, weights, e) * weight * (1 + e.settings.nameBoost * match.share) };
    });
    siblings(rows, e.settings.siblings);
    rows.sort(function (a, b) {
      if (a.full !== b.full) return a.full ? -1 : 1;
      if (a.full && a.extra !== b.extra) return a.extra - b.extra;
      return b.score - a.score;
    });
    return rows.map(function (r) { return r.data; });
  }

  function score(section) {
    return (section.weighted_locations || []).reduce(function (total, l) { return total + l.balanced_score; }, 0);
  }

  // A page once, with its best-matching sections under it.
  function present(data, settings) {
    var sections = (data.sub_results || []).filter(function (s) { return s.anchor && s.anchor.element !== "h1"; })
      .sort(function (a, b) { return score(b) - score(a); });
    // A glossary term is indexed as a record of its own whose address is the term's place on the glossary.
    var url = data.meta.url ? root + data.meta.url.replace(/^\//, "") : data.url;
    var lead = { url: url, title: data.meta.title, excerpt: data.excerpt, kind: data.meta.about || data.meta.kind || "" };
    return { lead: lead, sections: sections.slice(0, settings.sections) };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(item, kind) {
    var a = element("a");
    a.href = item.url;
    var title = element("span", "ree-search__title", item.title);
    if (kind) title.appendChild(element("span", "ree-search__kind", kind));
    a.appendChild(title);
    var excerpt = element("span", "ree-search__excerpt");
    excerpt.innerHTML = item.excerpt || "";  // Pagefind's excerpt: the page's text, escaped, with <mark> around hits
    a.appendChild(excerpt);
    return a;
  }

  function show(found) {
    list.textContent = "";
    found.forEach(function (result) {
      var li = element("li", "ree-search__result");
      var lead = link(result.lead, result.lead.kind);
      lead.setAttribute("data-ree-result", "");
      li.appendChild(lead);
      if (result.sections.length) {
        var sections = element("ol", "ree-search__sections");
        result.sections.forEach(function (s) {
          var item = element("li", "ree-search__section");
          item.appendChild(link(s));
          sections.appendChild(item);
        });
        li.appendChild(sections);
      }
      list.appendChild(li);
    });
  }

  function say(text, query, state, suggestion) {
    status.textContent = text;
    status.setAttribute("data-query", query);
    status.setAttribute("data-state", state);
    if (suggestion) {
      var button = element("button", "", suggestion.text);
      button.type = "button";
      button.addEventListener("click", function () { input.value = suggestion.query; search(suggestion.query, true); });
      status.appendChild(document.createTextNode(" Search instead for "));
      status.appendChild(button);
      status.appendChild(document.createTextNode("."));
    }
  }

  function open(visible) {
    output.hidden = !visible;
    input.setAttribute("aria-expanded", visible ? "true" : "false");
  }

  async function search(query, asTyped) {
    var run = ++latest;
    var typed = words(query);
    var filters = {};
    Object.keys(chosen).forEach(function (k) { if (chosen[k]) filters[k] = chosen[k]; });
    if (!typed.length && !Object.keys(filters).length) {
      list.textContent = "";
      say("", query, "done");
      open(!filterBox.hidden);
      return;
    }
    open(true);
    say("Searching…", query, "searching");
    var e;
    try {
      e = await load();
    } catch (error) {
      say("The search could not be loaded.", query, "done");
      return;
    }
    // A word typed in capitals is a name ("US", "IT"), never a common word.
    var capitals = query.split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1 && w === w.toUpperCase(); });
    if (capitals.length) {
      e = Object.assign({}, e, { stop: new Set(e.stop) });
      capitals.forEach(function (w) { e.stop.delete(w.toLowerCase()); });
    }
    var fixed = asTyped ? typed : await correct(typed, e);
    var corrected = fixed.join(" ") !== typed.join(" ");
    var seen = {};
    var terms = await topical(fixed, filters, e);
    var found = typed.length ? await find(terms.searched, filters, e, seen)
      : scored((await e.pagefind.search(null, { filters: filters })).results, 1);
    if (run !== latest) return;
    var question = fixed.some(function (w) { return e.stop.has(w); });
    var shown = typed.length ? await rerank(found, terms.named, filters, e, seen, question)
      : await Promise.all(found.slice(0, e.settings.results).map(function (r) { return r.result.data(); }));
    shown = shown.slice(0, e.settings.results);
    if (run !== latest) return;
    show(shown.map(function (d) { return present(d, e.settings); }));
    var count = found.length;
    var about = corrected ? "“" + fixed.join(" ") + "”" : "“" + query.trim() + "”";
    var text = count === 0 ? "No results for " + about + "." :
      (count === 1 ? "1 page" : count + " pages") + (typed.length ? " for " + about : "") + ".";
    if (corrected) text = "Showing results for “" + fixed.join(" ") + "”: " + text;
    say(text, query, "done", corrected ? { text: query.trim(), query: query } : null);
  }

  // The filters, loaded when a reader asks for them (their lists weigh as much as a query's index chunks).
  async function showFilters() {
    narrow.setAttribute("aria-expanded", "true");
    narrow.hidden = true;
    if (filterBox.childElementCount) return;
    var e;
    try { e = await load(); } catch (error) { return; }
    var counts = await e.pagefind.filters();
    if (filterBox.childElementCount) return;
    FILTERS.forEach(function (pair) {
      var values = Object.keys(counts[pair[0]] || {}).sort();
      if (!values.length) return;
      var label = element("label", "", pair[1]);
      var select = element("select");
      select.name = pair[0];
      select.appendChild(new Option("Any", ""));
      values.forEach(function (v) { select.appendChild(new Option(v + " (" + counts[pair[0]][v] + ")", v)); });
      select.addEventListener("change", function () {
        chosen[pair[0]] = select.value;
        search(input.value);
      });
      label.appendChild(select);
      filterBox.appendChild(label);
    });
    filterBox.hidden = !filterBox.childElementCount;
  }

  var typing;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { search(input.value); }, 120);
  });
  input.addEventListener("focus", function () {
    if (toggle && !toggle.checked) toggle.checked = true;
    load().catch(function () {});
  });
  narrow.addEventListener("click", function () { showFilters().then(function () { open(true); }); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
      else input.blur();
    });
  }

  // Arrow keys move between the results, Escape closes the box, "/" opens it from anywhere on the page.
  function links() { return Array.prototype.slice.call(output.querySelectorAll("a")); }
  box.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Escape") {
      if (toggle) toggle.checked = false;
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
  });
})();
