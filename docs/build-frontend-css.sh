#!/usr/bin/env bash
# Rebuild the vendored GOV.UK Frontend stylesheet and the self-hosted Lato fonts.
#
# This is NOT a government service, so the build must not use the GDS Transport
# font, the crown/crest or the GOV.UK name/logo. We use GOV.UK Frontend's
# MIT-licensed styles with the SIL OFL-licensed font Lato instead.
#
# Writes (relative to the repository root):
#   static/fonts/Lato-Regular.ttf, Lato-Bold.ttf, OFL-Lato.txt   (Debian package fonts-lato)
#   static/vendor/govuk-frontend/govuk-frontend.min.css          (compiled with sass)
#   static/vendor/govuk-frontend/LICENSE.txt, VERSION.txt
#
# Needs: apt-get + dpkg-deb (Debian), node + npm. Run as root (apt-get update).
# Usage: docs/build-frontend-css.sh   (override versions with GOVUK_FRONTEND_VERSION / SASS_VERSION)
set -euo pipefail

GOVUK_FRONTEND_VERSION="${GOVUK_FRONTEND_VERSION:-5.14.0}"
SASS_VERSION="${SASS_VERSION:-1.108.2}"   # pinned: Sass 2.x will drop @import

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FONTS_DIR="$ROOT/static/fonts"
VENDOR_DIR="$ROOT/static/vendor/govuk-frontend"
BUILD="$(mktemp -d /tmp/govuk-build.XXXXXX)"
trap 'rm -rf "$BUILD"' EXIT
mkdir -p "$FONTS_DIR" "$VENDOR_DIR"

# --- 1. Lato fonts from Debian's fonts-lato package -------------------------
if ! apt-cache show fonts-lato >/dev/null 2>&1; then
  apt-get update -qq
fi
mkdir -p "$BUILD/deb"
(cd "$BUILD/deb" && apt-get download -qq -o APT::Sandbox::User=root fonts-lato)
dpkg-deb -x "$BUILD"/deb/fonts-lato_*.deb "$BUILD/lato"
cp "$BUILD/lato/usr/share/fonts/truetype/lato/Lato-Regular.ttf" \
   "$BUILD/lato/usr/share/fonts/truetype/lato/Lato-Bold.ttf" "$FONTS_DIR/"
cp "$BUILD/lato/usr/share/doc/fonts-lato/copyright" "$FONTS_DIR/OFL-Lato.txt"

# --- 2. Compile GOV.UK Frontend with Lato ------------------------------------
cd "$BUILD"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "govuk-frontend@$GOVUK_FRONTEND_VERSION" "sass@$SASS_VERSION" >/dev/null

cat > entry.scss <<'SCSS'
// Lato instead of GDS Transport; don't emit GDS Transport @font-face rules.
// ($govuk-new-link-styles no longer exists in v5: new link styles are the default.)
$govuk-font-family: "Lato", arial, sans-serif;
$govuk-include-default-font-face: false;
$govuk-assets-path: "/static/vendor/govuk-frontend/assets/";

// The only image the CSS references is the royal crest (footer copyright
// logo). Replace it with `none` so nothing points at crown artwork.
@function no-crest-image-url($filename) {
  @if $filename == "govuk-crest.svg" {
    @return none;
  }
  @return url("#{$govuk-assets-path}images/#{$filename}");
}
$govuk-image-url-function: "no-crest-image-url";

@font-face {
  font-family: "Lato";
  font-style: normal;
  font-weight: 400;
  font-display: fallback;
  src: url("/static/fonts/Lato-Regular.ttf") format("truetype");
}

@font-face {
  font-family: "Lato";
  font-style: normal;
  font-weight: 700;
  font-display: fallback;
  src: url("/static/fonts/Lato-Bold.ttf") format("truetype");
}

@import "govuk-frontend/dist/govuk/index";

// Without the crest image this pseudo-element would be an empty (or, with
// mask support, solid-colour) block: hide it.
.govuk-footer__copyright-logo::before {
  display: none;
}
SCSS

npx sass --load-path=node_modules --style=compressed --no-source-map \
  --quiet-deps --silence-deprecation=import \
  entry.scss "$VENDOR_DIR/govuk-frontend.min.css"

# --- Checks: no GDS Transport font, no crown/crest assets ---------------------
CSS="$VENDOR_DIR/govuk-frontend.min.css"
if grep -qiE 'gds[ -]?transport|light-94|bold-b5|light-f591|bold-affa|govuk-crest|\.woff' "$CSS"; then
  echo "ERROR: GDS Transport font or crest reference found in $CSS" >&2
  exit 1
fi
echo "url() references left in the CSS:"
grep -o 'url([^)]*)' "$CSS" | sort -u

# --- 3. Licence and version --------------------------------------------------
# No GOV.UK Frontend assets are copied: the CSS references no images or fonts
# from it (favicons, crest and GDS Transport are deliberately left out).
# The npm package does not ship its LICENSE file; this is upstream LICENSE.txt.
cat > "$VENDOR_DIR/LICENSE.txt" <<'EOF'
The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
EOF

{
  echo "govuk-frontend $(node -p "require('./node_modules/govuk-frontend/package.json').version")"
  echo "compiled with sass $(npx sass --version | cut -d' ' -f1), Lato from Debian fonts-lato $(dpkg-deb -f "$BUILD"/deb/fonts-lato_*.deb Version)"
  echo "built by docs/build-frontend-css.sh"
} > "$VENDOR_DIR/VERSION.txt"

# --- Lato for pages: a Latin subset in WOFF2 (static/css/app.css declares it with the same
# unicode-range; the full TTF stays for other characters and for the PDF letters).
for weight in Regular Bold; do
  "$ROOT/.venv/bin/pyftsubset" "$FONTS_DIR/Lato-$weight.ttf" \
    --unicodes="U+0000-017F,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212" \
    --layout-features='kern,liga,clig,calt' --no-hinting --flavor=woff2 \
    --output-file="$FONTS_DIR/Lato-$weight-latin.woff2"
done

echo "Done: $(wc -c < "$CSS") bytes -> ${CSS#"$ROOT"/}"
