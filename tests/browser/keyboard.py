"""Walking a page with the Tab key, as a keyboard user does, and checking each focus stop."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

# What the browser shows for the focused element. `problems` lists what makes a focus stop
# invisible: no size, hidden, entirely outside the viewport, or covered by something else.
FOCUS_STOP_JS = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__kbSeen = window.__kbSeen || new Set();
  const seenBefore = window.__kbSeen.has(el);
  window.__kbSeen.add(el);
  window.__kbCurrent = el;
  const rect = el.getBoundingClientRect();
  const problems = [];
  if (rect.width < 1 || rect.height < 1) problems.push("no size");
  if (!el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}))
    problems.push("hidden");
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= vw || rect.top >= vh)
    problems.push("outside the viewport");
  else if (!problems.length) {
    // Something else on top of the element (a sticky header, a closed drawer)?
    // Material resizes its sticky sidebars a frame after a scroll, and its language list fades
    // out for half a second after focus leaves it: whatever covers the element must be gone
    // within a second.
    const probe = getComputedStyle(el).pointerEvents === "none" ? el.parentElement : el;
    const topmost = () => {
      const box = el.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + box.width / 2, 0), vw - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), vh - 1);
      const found = document.elementFromPoint(x, y);
      return found && !probe.contains(found) && !found.contains(probe) ? found : null;
    };
    let hit = topmost();
    for (let wait = 0; hit && wait < 10; wait++) {
      await new Promise(done => setTimeout(() => requestAnimationFrame(done), 100));
      hit = topmost();
    }
    if (hit) {
      problems.push("covered by " + hit.tagName.toLowerCase() + "." +
                    String(hit.className.baseVal ?? hit.className).split(" ")[0]);
    }
  }
  const classes = (node) => node && node.classList ?
    [...node.classList].filter(c => c !== "focus-visible").sort().join(".") : "";
  const component = el.closest("[data-md-component]");
  const signature = [
    el.tagName.toLowerCase() + (el.type ? "[" + el.type + "]" : "") + "." + classes(el),
    el.parentElement ?
      el.parentElement.tagName.toLowerCase() + "." + classes(el.parentElement) : "",
    component ? component.getAttribute("data-md-component") : "",
  ].join(" < ");
  const label = (el.getAttribute("aria-label") || el.innerText || el.value || el.id || "")
    .trim().replace(/\\s+/g, " ").slice(0, 40);
  return {
    seenBefore, problems, signature,
    name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " '" + label + "'",
    rect: {x: rect.x, y: rect.y, width: rect.width, height: rect.height},
    isSkipLink: el.matches("a.md-skip"),
  };
}"""

# Counts the pixels that differ (beyond anti-aliasing noise) between two PNG screenshots.
PIXEL_DIFF_JS = """async ([a, b]) => {
  const load = async (data) =>
    createImageBitmap(await (await fetch("data:image/png;base64," + data)).blob());
  const [one, two] = [await load(a), await load(b)];
  if (one.width !== two.width || one.height !== two.height) return one.width * one.height;
  const pixels = (bitmap) => {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [p, q] = [pixels(one), pixels(two)];
  let changed = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48)
      changed += 1;
  }
  return changed;
}"""

PAD = 6  # CSS px around the element: outlines and rings are drawn outside its box
MAX_STOPS = 300


@dataclass
class Walk:
    stops: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    reached_end: bool = False
    first_after_end: dict[str, Any] | None = None


class FocusIndicatorCheck:
    """Compares screenshots of a focus stop focused and unfocused, once per kind of stop."""

    def __init__(self, context: Any) -> None:
        self.diff_page = context.new_page()
        self.checked: set[str] = set()

    def check(self, page: Any, stop: dict[str, Any]) -> str | None:
        if stop["signature"] in self.checked or stop["problems"]:
            return None
        self.checked.add(stop["signature"])
        viewport = page.viewport_size
        rect = stop["rect"]
        x = max(rect["x"] - PAD, 0)
        y = max(rect["y"] - PAD, 0)
        clip = {
            "x": x,
            "y": y,
            "width": min(rect["x"] + rect["width"] + PAD, viewport["width"]) - x,
            "height": min(rect["y"] + rect["height"] + PAD, viewport["height"]) - y,
        }
        if clip["width"] < 1 or clip["height"] < 1:
            return None
        focused = page.screenshot(clip=clip, animations="disabled", caret="initial")
        page.evaluate("window.__kbCurrent.blur()")
        unfocused = page.screenshot(clip=clip, animations="disabled", caret="initial")
        page.evaluate("window.__kbCurrent.focus({preventScroll: true})")
        if not page.evaluate("document.activeElement === window.__kbCurrent"):
            return f"{stop['name']}: could not be focused again"
        changed = self.diff_page.evaluate(
            PIXEL_DIFF_JS,
            [base64.b64encode(focused).decode(), base64.b64encode(unfocused).decode()],
        )
        # At least as many pixels as a one-pixel line along half the element's outline.
        needed = max(12, int(rect["width"] + rect["height"]))
        if changed < needed:
            return (
                f"{stop['name']}: focus barely visible ({changed} pixels change, "
                f"{needed} needed) [{stop['signature']}]"
            )
        return None


def walk_with_tab(page: Any, indicator: FocusIndicatorCheck | None = None) -> Walk:
    """Tabs from the top of the page through every focus stop until focus leaves the page."""
    walk = Walk()
    page.evaluate("window.__kbSeen = new Set(); document.activeElement?.blur()")
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP_JS)
        if stop is None:
            walk.reached_end = True
            break
        if stop["seenBefore"]:
            walk.problems.append(f"{stop['name']}: reached twice before the end of the page (trap)")
            break
        walk.stops.append(stop)
        for problem in stop["problems"]:
            walk.problems.append(f"{stop['name']}: {problem} [{stop['signature']}]")
        if indicator is not None:
            found = indicator.check(page, stop)
            if found:
                walk.problems.append(found)
    else:
        walk.problems.append(f"focus never left the page after {MAX_STOPS} Tab presses (trap)")
    if walk.reached_end:
        page.evaluate("window.__kbSeen = new Set()")
        page.keyboard.press("Tab")
        walk.first_after_end = page.evaluate(FOCUS_STOP_JS)
    return walk


def tab_until(page: Any, selector: str, limit: int = 80) -> bool:
    """Presses Tab until the focused element matches the selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return True
    return False
