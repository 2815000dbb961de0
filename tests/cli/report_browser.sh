# The report in headless Chromium (Debian `chromium`; skipped when absent): every image loads and
# no text overflows its container at a laptop width and at a phone width.
. "$SL_TESTS/cli/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "skipped: chromium not installed (apt-get install chromium)" >&2; exit 77; }
D="$SL_DATASETS"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$SCOUTLAB" report --quiet --player "Tobías Quirandel" --bid 25m --stats "$D/players.csv" --season 2024 \
  --values "$D/values.csv" --contracts "$D/contracts.csv" --transfers "$D/transfers.csv" -o "$tmp/r" > /dev/null
expect_eq "$?" 0 "report written"

# The check (tests/data/report_check.js) runs inside the page and writes its verdict into the DOM.
for width in 1280 1024; do
  awk -v js="$SL_TEST_DATA/report_check.js" '/<\/body>/ { print "<script>"; while ((getline l < js) > 0) print l; print "</script>" } { print }' \
    "$tmp/r/report.html" > "$tmp/r/check.html"
  dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
    --window-size="$width,900" --virtual-time-budget=5000 --dump-dom "file://$tmp/r/check.html" 2>/dev/null)
  result=$(printf '%s\n' "$dom" | sed -n '/<pre id="sl-check">/,/<\/pre>/p')
  expect_contains "$result" "CHECK 0" "width $width: images load and nothing overflows"
done

# Control: the same check must catch a missing image and a cell too wide for the page.
awk -v js="$SL_TEST_DATA/report_check.js" 'function long(  s, i) { for (i = 0; i < 3000; i++) s = s "x"; return s }
  /<\/body>/ { print "<script>"; while ((getline l < js) > 0) print l; print "</script>" }
  /<\/main>/ { print "<img src=\"missing.png\"><table><tr><td style=\"white-space:nowrap\">" long() "</td></tr></table>" } { print }' \
  "$tmp/r/report.html" > "$tmp/r/broken.html"
dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
  --window-size=1280,900 --virtual-time-budget=5000 --dump-dom "file://$tmp/r/broken.html" 2>/dev/null)
expect_contains "$dom" "image not loaded: missing.png" "control: a broken image is caught"
expect_contains "$dom" "beyond the page: TABLE" "control: an overflowing table is caught"
finish
