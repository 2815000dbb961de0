# plots/scatter.gp - the look of the labelled scatter (two stats over a peer pool).
# The scoutlab script header defines, before this body:
#   title_text subtitle_text credits_text xlabel_text ylabel_text (strings), sl_scale
#   x_low x_high x_median y_median (numbers; NaN when no data)   n_points   name[i]
#   $pool: player number, x, y, highlighted (1) or not (0).
# Text variables are already enhanced-text escaped: never print them with 'noenhanced'.
# Text printed 'with labels' from a using expression must go through sl_label(), e.g.
# using 1:2:(sl_label(name[int($1)])), or quotes and backslashes in it are misread.

# ---- house style ------------------------------------------------------------------------
font_name = 'Liberation Sans'
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = '#d1495b'
pool_colour = '#9aa7b4'
base_font = font_name . font_size(10)
title_font = font_name . ':Bold' . font_size(17)
bold_font = font_name . ':Bold' . font_size(10)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint

# ---- layout ------------------------------------------------------------------------------
set lmargin at screen 0.10
set rmargin at screen 0.95
set tmargin at screen 0.80
set bmargin at screen 0.16
set border 3 lc rgb '#b0b0b0' lw 0.8
set tics nomirror out scale 0.5 textcolor rgb muted
set grid lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted
set ylabel ylabel_text textcolor rgb muted offset 0.5, 0
set offsets graph 0.06, graph 0.12, graph 0.08, graph 0.06
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

# Names sit on a white box so grid and median lines never run through them; points in the
# right 30% of the x range are named on their left so long names stay on the canvas.
flip(x) = x > x_low + 0.7 * (x_high - x_low)
set style textbox opaque fillcolor rgb '#ffffff' noborder margins 1, 1
plot $pool using 2:($4 > 0 ? NaN : $3) with points pt 7 ps 1.5 * sl_point_scale lc rgb pool_colour, \
     '' using 2:($4 > 0 ? $3 : NaN) with points pt 7 ps 2.0 * sl_point_scale lc rgb highlight, \
     '' using 2:($4 > 0 && !flip($2) ? $3 : NaN):(sl_label(name[int($1)])) \
         with labels boxed left offset 1.0, 0.55 font bold_font textcolor rgb ink, \
     '' using 2:($4 > 0 && flip($2) ? $3 : NaN):(sl_label(name[int($1)])) \
         with labels boxed right offset -1.0, 0.55 font bold_font textcolor rgb ink
