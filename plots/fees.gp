# plots/fees.gp - the look of the fee model fit: estimate against fee paid on log axes.
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text xlabel_text ylabel_text player_text bid_text
#   x_low_eur x_high_eur (smallest and largest positive estimate, EUR; NaN if none)
#   y_low_eur y_high_eur (the same of the fees paid, interval bounds and the bid)
#   has_band has_bid (0/1: a band; a player marked)   estimate_eur estimate_low_eur estimate_high_eur
#   bid_eur (EUR; NaN: no player or no bid)
# The key lists only what is drawn: no player entry without a player, no asked fee without a bid.
#   $transfers: transfer number, model estimate, fee paid (EUR)   (counted into n_transfers)
#   $band: row number, estimate, interval low, interval high (EUR), sorted (empty: no band).
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = player_colour[1]
pool_colour = '#6f8aa6'
# Thousands of transfers overlap: half-transparent points (gnuplot's #AARRGGBB, AA = 0x80)
# show where they are dense.
cloud_colour = '#806f8aa6'
band_colour = '#dfe7ef'   # opaque: the svg terminal draws partial fills unevenly
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
bold_font = sl_bold(10)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f9_5 = font_size(9.5)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font f8 tc rgb muted

# ---- layout ------------------------------------------------------------------------------
set lmargin at screen 0.125
set rmargin at screen 0.95
set tmargin at screen 0.78
set bmargin at screen 0.16
set border 3 lc rgb '#b0b0b0' lw 0.8
stats $transfers using 1 nooutput   # before the log axes: n_transfers sizes the points
n_transfers = STATS_records
set logscale xy
m = 1e6   # axes in millions of euros
# Labels 1-2-5 per decade while they fit (up to four decades); over a wider range (real fees
# run from €10k to €200m) one label per decade, or they run into each other.
set xtics nomirror out scale 0.5 textcolor rgb muted
set ytics nomirror out scale 0.5 textcolor rgb muted
# Each axis decides on its own range (x: the estimates; y: the fees paid and the intervals).
# Labels in the units a reader says: €50k, €2m, not €0.05m.
decades = "('€100' 0.0001, '€1k' 0.001, '€10k' 0.01, '€100k' 0.1, '€1m' 1, '€10m' 10, '€100m' 100, '€1bn' 1000)"
steps = "('€10k' 0.01, '€20k' 0.02, '€50k' 0.05, '€100k' 0.1, '€200k' 0.2, '€500k' 0.5, '€1m' 1, '€2m' 2, " . \
        "'€5m' 5, '€10m' 10, '€20m' 20, '€50m' 50, '€100m' 100, '€200m' 200, '€500m' 500)"
if (x_low_eur == x_low_eur && x_high_eur / x_low_eur > 1e4) {
  set xtics @decades
  set mxtics 10
} else {
  set xtics @steps
  set mxtics default
}
if (y_low_eur == y_low_eur && y_high_eur / y_low_eur > 1e4) {
  set ytics @decades
  set mytics 10
} else {
  set ytics @steps
  set mytics default
}
set grid xtics ytics lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted
set ylabel ylabel_text textcolor rgb muted offset -0.5, 0
# Each range padded by a third of a decade at each end.
pad = 10 ** (1.0 / 3)
if (x_low_eur == x_low_eur) { set xrange [x_low_eur / m / pad : x_high_eur / m * pad] }
if (y_low_eur == y_low_eur) { set yrange [y_low_eur / m / pad : y_high_eur / m * pad] }
set key inside left top Left reverse samplen 1.6 spacing 1.4 font f9_5 textcolor rgb ink \
    nobox
pos(v) = v > 0 ? v / m : NaN
# A fee below the y range (a token amount far under every interval) sits on the bottom edge as a
# down triangle; the caption counts them.
on_scale(v) = !(y_low_eur == y_low_eur) || v >= y_low_eur
# Thousands of transfers: smaller points, or the cloud becomes one blob at print size.
cloud_ps = n_transfers > 2000 ? 0.55 : n_transfers > 500 ? 0.8 : 1.3

# ---- the marked bid: the estimate's interval as a bar, the asked fee as a diamond --------
if (has_bid) {
  # An opaque box keeps the names readable on top of a dense cloud of transfers.
  set style textbox opaque fillcolor rgb '#ffffff' noborder margins 1, 1
  # The name beside his own marker, left of the estimate, and the asked fee right of its diamond
  # (a name above the diamond read as the diamond's).
  set label 21 player_text at pos(estimate_eur), pos(estimate_eur) right offset -1.6, 0 boxed \
      font bold_font textcolor rgb ink front
  set label 22 bid_text at pos(estimate_eur), pos(bid_eur) left offset 1.6, 0 boxed \
      font bold_font textcolor rgb highlight front
}

plot $band using (pos($2)):(pos($3)):(pos($4)) \
         with filledcurves fc rgb band_colour fs solid 1.0 noborder title 'Prediction interval', \
     x with lines dt 2 lc rgb faint lw 1 title 'Fee = estimate', \
     $transfers using (pos($2)):(on_scale($3) ? pos($3) : NaN) with points pt 7 \
         ps cloud_ps * sl_point_scale lc rgb (n_transfers > 500 ? cloud_colour : pool_colour) \
         title 'Held-out transfer', \
     $transfers using (pos($2)):(on_scale($3) ? NaN : y_low_eur / m) with points pt 11 \
         ps 1.0 * sl_point_scale lc rgb muted notitle, \
     '+' using (has_bid ? pos(estimate_eur) : NaN):(pos(estimate_eur)):(pos(estimate_low_eur)):(pos(estimate_high_eur)) \
         every ::0::0 with yerrorbars lc rgb ink lw 2.5 pt 7 ps 0.9 * sl_point_scale \
         title (has_bid ? 'Player: estimate and interval' : ''), \
     '+' using (has_bid ? pos(estimate_eur) : NaN):(pos(bid_eur)) every ::0::0 \
         with points pt 13 ps 2.4 * sl_point_scale lc rgb highlight title (bid_eur == bid_eur ? 'Asked fee' : '')
