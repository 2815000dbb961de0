# plots/scatter.gp - the look of the labelled scatter (two stats over a peer pool).
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text xlabel_text ylabel_text (strings), sl_scale
#   x_low x_high x_median y_median (numbers; NaN when no data)   n_points   name[i]
#   $pool: player number, x, y, highlighted (1) or not (0).
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = '#d1495b'
pool_colour = '#9aa7b4'
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
bold_font = sl_bold(10)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint

set label 905 caption_text at screen 0.965, screen 0.035 right font f8 tc rgb muted

# ---- layout: scoutlab placed the names for these margins, ranges and the 10 pt bold font ---
set lmargin at screen 0.10
set rmargin at screen 0.95
set tmargin at screen 0.78
set bmargin at screen 0.16
set border 3 lc rgb '#b0b0b0' lw 0.8
set tics nomirror out scale 0.5 textcolor rgb muted
set grid lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted
set ylabel ylabel_text textcolor rgb muted offset 0.5, 0
set xrange [x_low:x_high]
set yrange [y_low:y_high]
unset key

# ---- medians: dashed, labelled at their far ends ----------------------------------------
if (x_median == x_median) {
  set arrow 1 from x_median, graph 0 to x_median, graph 1 nohead dt 2 lc rgb faint lw 1 back
  set label 11 'median' at x_median, graph 1 left offset 0.4, -0.6 font f8 tc rgb faint
}
if (y_median == y_median) {
  set arrow 2 from graph 0, first y_median to graph 1, first y_median nohead dt 2 lc rgb faint lw 1 back
  set label 12 'median' at graph 1, first y_median right offset -0.2, 0.6 font f8 tc rgb faint
}

# ---- names: on a white box, where scoutlab placed them (no two overlap) ----------------------
set style textbox opaque fillcolor rgb '#ffffff' noborder margins 1, 1
do for [k=1:n_named] {
  eval sprintf("set label %d name[%d] at first named_ax[%d], first named_ay[%d] %s boxed front font bold_font tc rgb ink", \
               1000 + k, named_id[k], k, k, named_right[k] > 0 ? 'right' : 'left')
}
plot $pool using 2:($4 > 0 ? NaN : $3) with points pt 7 ps 1.5 * sl_point_scale lc rgb pool_colour, \
     $named using 2:($6 > 0 ? $3 : NaN):($4 - $2):($5 - $3) with vectors nohead lc rgb muted lw 0.8, \
     for [k=1:n_named] $named every ::k-1::k-1 using 2:3 with points pt 7 ps 2.0 * sl_point_scale \
         lc rgb player_colour[named_colour[k]]
