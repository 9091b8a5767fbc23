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
 *   page that merely has each one. A folded pair is also indexed joined ("hanoi"), the way
 *   names are often typed in English.
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
  var FOLDED = "~", PAIR = "^";
  var EXACT_BOOST = 10;  // a word with the query's accents (or none, as typed) outweighs its folded namesakes
  var PAIR_BOOST = 5000 * EXACT_BOOST;  // a pair anywhere outweighs any single word, even in a title (weighed 1000×)
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
  var words = new Map();
  function forms(token) {
    var raw = token.toString(), known = words.get(raw);
    if (!known) {
      var written = placeTone(raw.replace(EDGES, ""));
      words.set(raw, known = [written, fold(written)]);
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
            out.push(new lunr.Token(FOLDED + folded + second[1], position));
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
      this.site = {syllables: !!this.syllables};
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

  /* Material has written every word of the query as a prefix ("giá* vé*"). A word typed without
     diacritics also asks for the folded forms (a required word may then be either). */
  function expand(query, site) {
    var words = [];
    query.clauses.slice().forEach(function (clause) {
      if (clause.editDistance || clause.term.charAt(0) === "*") return;
      var term = placeTone(clause.term.replace(/\*+$/, ""));
      if (!term) return;
      words.push({clause: clause, term: term, wild: /\*$/.test(clause.term), plain: fold(term) === term});
    });
    if (site.syllables)
      words.slice(0, -1).forEach(function (w) {
        if (w.clause.presence !== PROHIBITED) w.wild = false;
      });
    words.forEach(function (w) {
      var star = w.wild ? "*" : "";
      w.clause.term = w.term + star;
      if (w.clause.presence === PROHIBITED) return;
      w.clause.boost = (w.clause.boost || 1) * EXACT_BOOST;
      if (w.plain) {
        if (w.clause.presence === REQUIRED) w.clause.presence = OPTIONAL;
        query.clause({term: FOLDED + w.term + star, fields: w.clause.fields, usePipeline: false, presence: OPTIONAL});
      }
    });
    for (var i = 0; i + 1 < words.length; i++) {
      var a = words[i], b = words[i + 1];
      if (a.clause.presence === PROHIBITED || b.clause.presence === PROHIBITED) continue;
      var pair = a.term + " " + b.term + (b.wild ? "*" : "");
      query.clause({term: PAIR + pair, fields: a.clause.fields, boost: PAIR_BOOST * EXACT_BOOST,
                    usePipeline: false, presence: OPTIONAL});
      if (a.plain && b.plain)
        query.clause({term: PAIR + FOLDED + pair, fields: a.clause.fields, boost: PAIR_BOOST,
                      usePipeline: false, presence: OPTIONAL});
    }
  }

  /* One entry per word: pairs report under their words, and a place in the text is reported
     once, by the first form that matched it. */
  function tidy(result) {
    var metadata = result.matchData.metadata, tidied = Object.create(null), seen = Object.create(null);
    Object.keys(metadata).forEach(function (term) {
      var key = term.replace(/^\^?~?/, "");
      var entry = tidied[key] || (tidied[key] = Object.create(null));
      Object.keys(metadata[term]).forEach(function (field) {
        var done = seen[field] || (seen[field] = Object.create(null));
        var into = entry[field] || (entry[field] = {position: []});
        [].concat.apply([], metadata[term][field].position || []).forEach(function (p) {
          if (typeof p === "number" && !done[p]) {
            done[p] = true;
            into.position.push(p);
          }
        });
      });
    });
    result.matchData.metadata = tidied;
  }

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var site = this.site;
    if (!site) return query.call(this, fn);
    var results = query.call(this, function (q) {
      fn.call(q, q);
      expand(q, site);
    });
    results.forEach(tidy);
    return results;
  };

  lunr.site = {fold: fold, placeTone: placeTone};
})(self.lunr);
