// The language's search page (overrides/search.html), on Pagefind's JS API.
//
// - Pagefind picks this page's language from <html lang> and searches only that index, with
//   diacritics folded ("cigani" finds "čigāni").
// - Nothing of the index loads before the visitor focuses the box (or the address carries
//   ?q=). Searching as you type waits for a pause in typing and for two letters, so that
//   the index chunks of every prefix typed do not all load.
// - Only the fragments of the results shown are fetched: the first PAGE_SIZE, then PAGE_SIZE
//   more per "show more".
// - The number of results is announced in the page's language (role="status"), and the query
//   is kept in the address (?q=term, history.replaceState) so that a search can be shared;
//   ?q=term on arrival fills the box and searches.
// - Result text is never parsed as HTML: titles are text, and excerpts are text in which only
//   Pagefind's own <mark> and </mark> become <mark> elements (see appendExcerpt).
// - A word that starts no word of the index is searched by its start (see resolveQuery):
//   Pagefind alone would fall back to the longest shorter *whole* word it has, so that
//   "zzzzzz" found the letter "ž" of the spelling section and the nominative "antičigānisms"
//   found "an", not "antičigānisma".
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var TYPING_PAUSE_MS = 300;
  var MIN_TYPED_LENGTH = 2;
  var SHOW_SEARCHING_AFTER_MS = 500;
  var MAX_SECTIONS = 3;
  // How much of a word may be dropped to find it: enough for Latvian and Romani endings
  // ("antičigānisms" finds "antičigānismu"), never below four letters of it, so that a typo
  // or a word in another language does not turn into a search for two or three letters.
  var MAX_DROPPED_LETTERS = 3;
  var MIN_KEPT_LETTERS = 4;

  var form = document.getElementById("lrp-search");
  var stringsElement = document.getElementById("lrp-search-strings");
  if (!form || !stringsElement) {
    return;
  }
  var input = document.getElementById("lrp-search-input");
  var status = document.getElementById("lrp-search-status");
  var list = document.getElementById("lrp-search-results");
  var more = document.getElementById("lrp-search-more");
  var strings = JSON.parse(stringsElement.textContent);
  var bundle = new URL(form.getAttribute("data-bundle"), window.location.href);
  var siteRoot = new URL("..", bundle).pathname;
  var plural = pluralRules(document.documentElement.lang);

  var pagefind = null; // Promise of the initialised module
  var generation = 0; // the latest search; older ones drop their answers
  var results = [];
  var shown = 0;
  var lastQuery = null;
  var typingTimer = 0;
  var searchingTimer = 0;
  var loadingMore = false;

  function pluralRules(language) {
    try {
      return new Intl.PluralRules(language);
    } catch (error) {
      return new Intl.PluralRules("en");
    }
  }

  function message(key, query, count) {
    return String(strings[key] || "")
      .split("[COUNT]").join(String(count))
      .split("[SEARCH_TERM]").join(query);
  }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        return module.options({ baseUrl: siteRoot }).then(function () {
          return module.init();
        }).then(function () {
          return module;
        });
      });
      pagefind.catch(function () {
        pagefind = null; // let a later search try again
      });
    }
    return pagefind;
  }

  function folded(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function sharedStartLength(a, b) {
    var length = 0;
    while (length < a.length && length < b.length && a[length] === b[length]) {
      length += 1;
    }
    return length;
  }

  // The words of the page that Pagefind matched, folded, without the punctuation around them.
  function matchedWords(data) {
    var words = String(data.content || "").split(/\s+/).filter(Boolean);
    return (data.locations || []).map(function (location) {
      return folded(words[location] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }).filter(Boolean);
  }

  // Whether an answer found `candidate` itself (a word starting with it, or with its stem),
  // rather than Pagefind's fallback to a shorter whole word. Only the first result is looked
  // at: Pagefind falls back for all results or for none, and the first result's fragment is
  // the one shown first anyway (Pagefind keeps fragments it has loaded).
  function findsWordStart(answer, candidate, shortest) {
    var results = (answer && answer.results) || [];
    if (!results.length) {
      return Promise.resolve(false);
    }
    return results[0].data().then(function (data) {
      var words = matchedWords(data);
      var wanted = folded(candidate);
      // Found in the title or the metadata only: nothing to compare with, so trust it.
      return !words.length || words.some(function (word) {
        return sharedStartLength(word, wanted) >= shortest;
      });
    });
  }

  // The form of `term` to search for: the term itself, or it with up to MAX_DROPPED_LETTERS
  // letters dropped from its end, whichever is the longest that starts a word of the index;
  // null if none does.
  function resolveTerm(module, term) {
    var letters = Array.from(term);
    var shortest = Math.max(Math.min(letters.length, MIN_KEPT_LETTERS),
      letters.length - MAX_DROPPED_LETTERS);
    function attempt(length) {
      if (length < shortest) {
        return Promise.resolve(null);
      }
      var candidate = letters.slice(0, length).join("");
      return module.search(candidate).then(function (answer) {
        return findsWordStart(answer, candidate, shortest);
      }).then(function (found) {
        return found ? candidate : attempt(length - 1);
      });
    }
    return attempt(letters.length);
  }

  // The query Pagefind is asked: each word as resolveTerm finds it, words found nowhere left
  // out (as Pagefind itself does), or null when no word is found. Words with inner
  // punctuation or digits mixed in ("2020–2021", "lsm.lv") and quoted phrases go as typed.
  function resolveQuery(module, query) {
    if (query.indexOf('"') !== -1) {
      return Promise.resolve(query);
    }
    var words = query.normalize("NFC").split(/\s+/).filter(Boolean);
    return Promise.all(words.map(function (word) {
      var core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (!/^(\p{L}+|\p{N}+)$/u.test(core)) {
        return word;
      }
      return resolveTerm(module, core);
    })).then(function (resolved) {
      var kept = resolved.filter(function (word) {
        return word !== null;
      });
      return kept.length ? kept.join(" ") : null;
    });
  }

  // Same-origin links only; anything else in the index would be a build error, not a link.
  function safeHref(url) {
    try {
      var target = new URL(url, window.location.href);
      if (target.origin === window.location.origin) {
        return url;
      }
    } catch (error) {
      // fall through
    }
    return null;
  }

  // Pagefind's excerpt is the page's text with "<" and ">" (only those) written as &lt; and
  // &gt;, and the words found wrapped in <mark>…</mark>. It becomes text nodes and <mark>
  // elements; nothing in it is parsed as HTML.
  function appendExcerpt(parent, excerpt) {
    var marked = false;
    String(excerpt || "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>";
      } else if (part) {
        var node = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
        if (marked) {
          var mark = document.createElement("mark");
          mark.appendChild(node);
          node = mark;
        }
        parent.appendChild(node);
      }
    });
  }

  function link(url, text, className) {
    var href = safeHref(url);
    var element = document.createElement(href ? "a" : "span");
    if (href) {
      element.setAttribute("href", href);
    }
    element.className = className;
    element.textContent = text;
    return element;
  }

  // The sections of the page where the words were found (Pagefind's sub-results), at most
  // MAX_SECTIONS of them (those with the most hits), in page order; not the page's top (its
  // own URL, or its <h1>), which the result's title already links to.
  function sections(data, title) {
    var pageUrl = (data.meta && data.meta.url) || data.url;
    var found = (data.sub_results || []).filter(function (sub) {
      var top = sub.url === pageUrl || (sub.anchor && sub.anchor.element === "h1");
      return !top && sub.title && sub.title !== title;
    });
    if (found.length > MAX_SECTIONS) {
      var best = found.slice().sort(function (a, b) {
        return (b.locations || []).length - (a.locations || []).length;
      }).slice(0, MAX_SECTIONS);
      found = found.filter(function (sub) {
        return best.indexOf(sub) !== -1;
      });
    }
    return found;
  }

  function renderResult(data) {
    var item = document.createElement("li");
    item.className = "lrp-search__result";
    var heading = document.createElement("h2");
    heading.className = "lrp-search__title";
    var title = (data.meta && data.meta.title) || data.url;
    // A called-off event or an illustrative sample says so before its title, as the page
    // itself does (the meta comes from the page's banners, data-pagefind-meta).
    ["status", "sample"].forEach(function (key) {
      if (data.meta && data.meta[key]) {
        var tag = document.createElement("span");
        tag.className = "lrp-search__tag";
        tag.textContent = data.meta[key];
        heading.appendChild(tag);
        heading.appendChild(document.createTextNode(" "));
      }
    });
    heading.appendChild(link(data.url, title, "lrp-search__link"));
    item.appendChild(heading);
    var excerpt = document.createElement("p");
    excerpt.className = "lrp-search__excerpt";
    appendExcerpt(excerpt, data.excerpt);
    item.appendChild(excerpt);
    var subs = sections(data, title);
    if (subs.length) {
      var subList = document.createElement("ul");
      subList.className = "lrp-search__sections";
      subs.forEach(function (sub) {
        var subItem = document.createElement("li");
        subItem.appendChild(link(sub.url, sub.title, "lrp-search__section"));
        subList.appendChild(subItem);
      });
      item.appendChild(subList);
    }
    return item;
  }

  // The result items of `batch`, each with its fragment loaded.
  function render(batch) {
    return Promise.all(batch.map(function (result) {
      return result.data();
    })).then(function (fragments) {
      return fragments.map(renderResult);
    });
  }

  function append(items) {
    items.forEach(function (item) {
      list.appendChild(item);
    });
    shown += items.length;
    list.hidden = shown === 0;
    more.hidden = shown >= results.length;
  }

  function keepInAddress(query) {
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    if (url.href !== window.location.href) {
      window.history.replaceState(window.history.state, "", url.href);
    }
  }

  function clearResults() {
    results = [];
    shown = 0;
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
  }

  function setStatus(text, state) {
    window.clearTimeout(searchingTimer);
    status.textContent = text;
    status.setAttribute("data-state", state);
  }

  function search(rawQuery) {
    var query = rawQuery.trim();
    window.clearTimeout(typingTimer);
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    var run = ++generation;
    keepInAddress(query);
    if (!query) {
      clearResults();
      setStatus("", "idle");
      return;
    }
    window.clearTimeout(searchingTimer);
    searchingTimer = window.setTimeout(function () {
      status.textContent = message("searching", query, 0);
      status.setAttribute("data-state", "searching");
    }, SHOW_SEARCHING_AFTER_MS);
    loadPagefind().then(function (module) {
      return resolveQuery(module, query).then(function (resolved) {
        return resolved === null ? null : module.search(resolved);
      });
    }).then(function (answer) {
      var found = (answer && answer.results) || [];
      if (run !== generation) {
        return null;
      }
      // The previous results stay until the new ones are ready.
      return render(found.slice(0, PAGE_SIZE)).then(function (items) {
        if (run !== generation) {
          return;
        }
        clearResults();
        results = found;
        append(items);
        var count = found.length;
        var key = count === 0 ? "zero_results"
          : plural.select(count) === "one" ? "one_result" : "many_results";
        setStatus(message(key, query, count), "done");
      });
    }).catch(function (error) {
      if (run === generation) {
        lastQuery = null;
        clearResults();
        setStatus(strings.error || "", "error");
      }
      window.console.error(error);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    var typed = input.value.trim();
    // One letter matches a large part of the index (a big chunk to load) and is rarely what
    // the visitor means; Enter still searches for it.
    if (typed.length > 0 && typed.length < MIN_TYPED_LENGTH) {
      return;
    }
    typingTimer = window.setTimeout(function () {
      search(input.value);
    }, TYPING_PAUSE_MS);
  });
  // Warm up (Pagefind's metadata and WebAssembly) as soon as the visitor is about to type.
  input.addEventListener("focus", function () {
    loadPagefind().catch(function () {});
  });
  more.addEventListener("click", function () {
    if (loadingMore) {
      return;
    }
    loadingMore = true;
    var run = generation;
    render(results.slice(shown, shown + PAGE_SIZE)).then(function (items) {
      loadingMore = false;
      if (run !== generation || !items.length) {
        return;
      }
      append(items);
      // Keyboard and screen reader users continue at the first new result.
      var target = items[0].querySelector("a");
      if (target) {
        target.focus();
      }
    }, function (error) {
      loadingMore = false;
      window.console.error(error);
    });
  });

  form.hidden = false;
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
