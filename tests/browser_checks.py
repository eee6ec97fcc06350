"""Checks run inside the browser on any page: WCAG 2.1 contrast and control labels."""

# Relative luminance and contrast ratio as WCAG 2.1 defines them, applied to every
# visible text element against the background it is drawn on.
CONTRAST_SCRIPT = """
() => {
  const parse = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ratio = (fg, bg) => {
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  const results = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.offsetParent === null) continue;
    const fg = parse(getComputedStyle(el).color).slice(0, 3);
    results.push({ text: el.textContent.trim().slice(0, 40), ratio: ratio(fg, background(el)) });
  }
  for (const input of document.querySelectorAll("input[placeholder]")) {
    const placeholder = parse(getComputedStyle(input, "::placeholder").color).slice(0, 3);
    results.push({ text: "placeholder", ratio: ratio(placeholder, background(input)) });
  }
  return results;
}
"""

LABEL_SCRIPT = """
() => [...document.querySelectorAll("button, input, a, textarea, select, [tabindex]")]
  .filter((el) => el.offsetParent !== null)
  .map((el) => ({
    tag: el.tagName,
    name: (el.labels && el.labels.length ? el.labels[0].textContent
          : el.getAttribute("aria-label") || el.textContent).trim(),
  }))
"""
