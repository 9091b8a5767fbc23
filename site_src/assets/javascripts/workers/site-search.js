/*
 * The site's search worker: Material's own worker, plus what makes it answer a visitor.
 *
 * Pages start it as "site-search.js?material=search.<hash>.min.js" (partials/scripts.html
 * points Material's configuration here, keeping the name of Material's worker, which changes
 * with its version). It loads Material's worker unchanged, then teaches lunr:
 *
 * - Words are indexed as written and folded ("điện" and "dien", đ → d), so a query without
 *   diacritics finds the page; a query with them matches only the words written that way.
 *   Tone marks typed in the newer place ("hoá", "thuỷ") read as the site writes them ("hóa").
 * - Meaning sits in pairs of syllables ("giá vé", "hà nội", "hoa ban"): each pair of adjacent
 *   words in a sentence is indexed too (as written and folded), and a query of several words
 *   asks for its pairs with a strong boost, so a page with the words together ranks above a
 *   page that merely has each one. In English, a folded pair is also indexed joined
 *   ("hanoi"), the way Vietnamese names are often typed there.
 * - A result ranks higher the more of the query one of its paragraphs holds, and the closer
 *   together: "Xe khách đêm chạy tuyến Hà Nội" answers "xe khách hà nội" better than a
 *   paragraph with "hà nội" in one sentence and "xe khách" three lines below.
 * - On a Vietnamese page every word of a query but the last is a whole syllable: "giá vé"
 *   does not look for "giáy". The last word is still a prefix, so results follow the typing.
 * - Each word of a result is highlighted once, however many of its forms matched (a word
 *   highlighted twice broke the markup: "rk>Văn").
 */
(function () {
  "use strict";
  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("site-search.js: start it as site-search.js?material=search.<hash>.min.js");
  importScripts(material);
})();

(function (lunr) {
  "use strict";
  if (!lunr || !lunr.Builder || !lunr.Index) return;  // not the lunr this file knows: Material's search as is

  /* Folded forms and pairs live apart from the words as written: a query word without diacritics
     ranks the words written exactly so above the others, and a word typed as a prefix ("hà…")
     never matches a pair ("hà nội"). */
  var FOLDED = "~", PAIR = "^", JOINED = "^=";
  var MARKERS = /^\^?[~=]?/;
  var EXACT_BOOST = 10;  // a word with the query's accents (or none, as typed) outweighs its folded namesakes
  var PAIR_BOOST = 5000 * EXACT_BOOST;  // a pair anywhere outweighs any single word, even in a title (weighed 1000×)
  var PREFIX_SHARE = 0.1;  // a longer word that starts with the one typed ("priceless" for "price")
  var PLURALS = ["s", "es"];  // in English, "prices", "buses" count as "price", "bus"
  var TITLE_B = 0.75;  // lunr's usual length normalization, for titles only: the shorter title that says it first
  var TONES = "\u0300\u0301\u0303\u0309\u0323";
  var NEW_PLACE = new RegExp("(^|[^q])(o[ae]|uy)([" + TONES + "])$");
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var BETWEEN = /^(?:\s|-|&nbsp;|<[^>]*>)*$/;  // what may separate two words of one phrase

  var ASCII = /^[\x00-\x7f]*$/;

  function fold(word) {
    return ASCII.test(word) ? word : word.replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* "hoá" → "hóa", "thuỷ" → "thủy", "khoẻ" → "khỏe" (the site's tone placement); "quý" stays. */
  function placeTone(word) {
    if (!/[ou][^\x00-\x7f]$/.test(word)) return word;
    var nfd = word.normalize("NFD");
    var moved = nfd.replace(NEW_PLACE, function (all, before, vowels, tone) {
      return before + vowels.charAt(0) + tone + vowels.charAt(1);
    });
    return moved === nfd ? word : moved.normalize("NFC");
  }

  /* A token as indexed, and folded: [written, folded] (the same few thousand words recur). */
  var vocabulary = new Map();
  function forms(token) {
    var raw = token.toString(), known = vocabulary.get(raw);
    if (!known) {
      var written = placeTone(raw.replace(EDGES, ""));
      vocabulary.set(raw, known = [written, fold(written)]);
    }
    return known;
  }

  /* ----------------------------------------------------------------------------------------
   * Indexing
   * ------------------------------------------------------------------------------------- */

  var building = null;  // the builder adding a document now (building is synchronous)

  /* Two tokens are one phrase when they follow each other in one block of text, with only
     spaces, a hyphen or inline markup between them (no comma, full stop or bracket). */
  function adjacent(token, next) {
    var a = token.metadata.position, b = next.metadata.position;
    if (typeof a !== "number" || typeof b !== "number" || b !== a + 1 || a >>> 20 !== b >>> 20) return false;
    if (token.toString().replace(EDGES, "") !== token.toString()) return false;
    if (next.toString().replace(EDGES, "") !== next.toString()) return false;
    var table = lunr.tokenizer.table, text = building && building.siteText;
    if (!table || typeof text !== "string") return true;
    var row = table[a >>> 20];
    if (!row) return true;
    var first = row[a & 0xFFFFF], second = row[b & 0xFFFFF];
    if (first === undefined || second === undefined) return true;
    var end = (first >>> 12) + (first >>> 2 & 0x3FF);
    return BETWEEN.test(text.slice(end, second >>> 12));
  }

  function siteTokens(token, i, tokens) {
    var first = forms(token), written = first[0], folded = first[1];
    if (!written) return null;
    var out = [new lunr.Token(written, token.metadata)];
    if (folded !== written) out.push(new lunr.Token(FOLDED + folded, token.metadata));
    if (written.indexOf("/") > 0)  // a date, "14/3/2027": its year (and day, month) too
      written.split("/").forEach(function (part) {
        if (part) out.push(new lunr.Token(part, token.metadata));
      });
    var next = tokens[i + 1];
    if (next && adjacent(token, next)) {
      var second = forms(next);
      if (second[0]) {
        var position = {position: [token.metadata.position, next.metadata.position]};
        var pair = written + " " + second[0], foldedPair = folded + " " + second[1];
        out.push(new lunr.Token(PAIR + pair, position));
        if (foldedPair !== pair) {
          out.push(new lunr.Token(PAIR + FOLDED + foldedPair, position));
          if (!building.site.syllables)  // "Hà Nội" typed in English: "hanoi"
            out.push(new lunr.Token(JOINED + folded + second[1], position));
        }
      }
    }
    return out;
  }
  lunr.Pipeline.registerFunction(siteTokens, "site-tokens");

  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.site) {
      var builder = this, tokenizer = this.tokenizer;
      var stops = this.pipeline._stack.filter(function (fn) { return /^stopWordFilter/.test(fn.label); });
      this.site = {
        syllables: !!this.syllables,
        stop: function (word) {  // a word the index leaves out ("the", "from"; "là", "mà")
          return stops.some(function (fn) { return !fn(new lunr.Token(word)); });
        }
      };
      this.tokenizer = function (input, metadata) {
        builder.siteText = input;
        return tokenizer.call(this, input, metadata);
      };
      this.pipeline.add(siteTokens);
      this.searchPipeline.reset();
    }
    building = this;
    try {
      return add.call(this, doc, attributes);
    } finally {
      building = null;
    }
  };

  /* Material turns off lunr's length normalization (b = 0): a long section is not worth less for
     being long. Titles get it back: of two titles with the words, the shorter one is about them. */
  var averages = lunr.Builder.prototype.calculateAverageFieldLengths;
  lunr.Builder.prototype.calculateAverageFieldLengths = function () {
    averages.call(this);
    if (!this.site || !this._fields.title) return;
    for (var ref in this.fieldLengths) {
      var field = lunr.FieldRef.fromString(ref).fieldName;
      if (field !== "title") this.fieldLengths[ref] = this.averageFieldLength[field];
    }
    this._b = TITLE_B;
  };

  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    if (this.site) index.site = this.site;
    return index;
  };

  /* ----------------------------------------------------------------------------------------
   * Searching
   * ------------------------------------------------------------------------------------- */

  var OPTIONAL = lunr.Query.presence.OPTIONAL, REQUIRED = lunr.Query.presence.REQUIRED,
      PROHIBITED = lunr.Query.presence.PROHIBITED;

  /* Material has written every word of the query as a prefix ("giá* vé*"). Each word asks for
     itself (and in English its plural), and for longer words that start with it at a tenth of the
     weight ("bien*" should not rank the rare "biên's" above the common "biên"); a word typed
     without diacritics also asks for the folded forms (a required word may then be either). Words
     the index leaves out ("from") are dropped. Returns what each clause looks for and which words
     of the query it stands for. */
  function expand(query, site) {
    var words = [], plan = [];
    function add(term, wild, covers, boost, fields, presence) {
      var clause = {term: term, fields: fields, boost: boost, usePipeline: false, presence: presence || OPTIONAL};
      query.clause(clause);
      plan.push({term: term, prefix: false, covers: covers});
      if (!wild) return;
      query.clause({term: term + "*", fields: fields, boost: boost * PREFIX_SHARE, usePipeline: false,
                    presence: OPTIONAL});
      plan.push({term: term, prefix: true, covers: covers});
    }
    var clauses = query.clauses;
    query.clauses = [];
    var gap = false;  // a left-out word between two words: they are not a pair
    clauses.forEach(function (clause) {
      var term = clause.editDistance || clause.term.charAt(0) === "*" ? "" : placeTone(clause.term.replace(/\*+$/, ""));
      if (!term || clause.presence === PROHIBITED) {
        query.clauses.push(clause);
      } else if (site.stop(term)) {
        gap = true;
      } else {
        words.push({clause: clause, term: term, wild: /\*$/.test(clause.term), plain: fold(term) === term, gap: gap});
        gap = false;
      }
    });
    if (site.syllables)
      words.slice(0, -1).forEach(function (w) { w.wild = false; });
    words.forEach(function (w, i) {
      var fields = w.clause.fields, weight = (w.clause.boost || 1) * EXACT_BOOST;
      var required = !w.plain && w.clause.presence === REQUIRED;
      add(w.term, w.wild, [i], weight, fields, required && !w.wild ? REQUIRED : OPTIONAL);
      if (required && w.wild)
        query.clause({term: w.term + "*", fields: fields, boost: 0, usePipeline: false, presence: REQUIRED});
      if (!w.plain) return;
      if (!site.syllables) PLURALS.forEach(function (end) { add(w.term + end, false, [i], weight, fields); });
      add(FOLDED + w.term, w.wild, [i], 1, fields);
      if (!site.syllables) add(JOINED + w.term, false, [i], PAIR_BOOST, fields);  // the whole word: "hanoi"
    });
    for (var i = 0; i + 1 < words.length; i++) {
      var a = words[i], b = words[i + 1], pair = a.term + " " + b.term;
      if (b.gap) continue;
      add(PAIR + pair, b.wild, [i, i + 1], PAIR_BOOST * EXACT_BOOST, a.clause.fields);
      if (!site.syllables && b.plain)
        PLURALS.forEach(function (end) {
          add(PAIR + pair + end, false, [i, i + 1], PAIR_BOOST * EXACT_BOOST, a.clause.fields);
        });
      if (a.plain && b.plain) add(PAIR + FOLDED + pair, b.wild, [i, i + 1], PAIR_BOOST, a.clause.fields);
    }
    return {words: words.length, plan: plan};
  }

  /* How much of the query one block of text (a paragraph, a title) holds, and how closely:
     (words of the query in the tightest stretch that has the most of them / all its words)²
     × √(those words / tokens in that stretch). 1 when the whole query stands as typed. */
  function together(places, words) {
    var best = 0;
    Object.keys(places).forEach(function (block) {
      var found = places[block].sort(function (a, b) { return a[0] - b[0]; }), count = Object.create(null);
      var distinct = 0, start = 0;
      for (var end = 0; end < found.length; end++) {
        count[found[end][1]] = (count[found[end][1]] || 0) + 1;
        if (count[found[end][1]] === 1) distinct++;
        while (count[found[start][1]] > 1) count[found[start++][1]]--;
        var span = found[end][0] - found[start][0] + 1;
        best = Math.max(best, Math.pow(distinct / words, 2) * Math.sqrt(Math.min(1, distinct / span)));
      }
    });
    return best;
  }

  /* One entry per word: pairs report under their words, and a place in the text is reported
     once, by the first form that matched it. Then the score grows with how much of the query
     one block holds, how closely. */
  function tidy(result, asked) {
    var metadata = result.matchData.metadata, tidied = Object.create(null), seen = Object.create(null);
    var places = Object.create(null);
    Object.keys(metadata).forEach(function (term) {
      var key = term.replace(MARKERS, "");
      var entry = tidied[key] || (tidied[key] = Object.create(null));
      var covers = [];
      asked.plan.forEach(function (clause) {
        if (clause.prefix ? term.indexOf(clause.term) === 0 : term === clause.term)
          covers.push(clause.covers);
      });
      Object.keys(metadata[term]).forEach(function (field) {
        var done = seen[field] || (seen[field] = Object.create(null));
        var into = entry[field] || (entry[field] = {position: []});
        (metadata[term][field].position || []).forEach(function (at) {
          var spots = [].concat(at).filter(function (p) { return typeof p === "number"; });
          spots.forEach(function (p) {
            if (!done[p]) {
              done[p] = true;
              into.position.push(p);
            }
          });
          covers.forEach(function (which) {  // a pair's two places stand for its two words
            spots.forEach(function (p, n) {
              var block = field + "/" + (p >>> 20);
              (which.length === spots.length ? [which[n]] : which).forEach(function (word) {
                (places[block] || (places[block] = [])).push([p & 0xFFFFF, word]);
              });
            });
          });
        });
      });
    });
    result.matchData.metadata = tidied;
    if (asked.words > 1) result.score *= Math.pow(1 + together(places, asked.words), 2);
  }

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var site = this.site, asked;
    if (!site) return query.call(this, fn);
    var results = query.call(this, function (q) {
      fn.call(q, q);
      asked = expand(q, site);
    });
    results.forEach(function (result) { tidy(result, asked); });
    return results;
  };

  lunr.site = {fold: fold, placeTone: placeTone};
})(self.lunr);
