# plots/trend.gp - the look of the trend panels: one player's stats across seasons.
# The scoutlab script header defines, before this body:
#   title_text title_pt subtitle_text subtitle2_text credits_text caption_text (fitted strings)
#   sl_regular(pt) sl_bold(pt) player_colour[p]  n_stats n_seasons season_label[k] stat_label[s]
#   panel_l[s] panel_r[s] panel_b[s] panel_t[s] (screen)  y_low y_high
#   $trend: one block per stat: season number, percentile, value, the value label's height
#   (percentile units, placed by scoutlab: above the point, below it near the top, every other
#   one on the other side when the seasons are many)   value_pt: the value labels' size
#   has_value_label (0/1) value_label[(s-1)*n_seasons+k] (the values as printed, when given)
# scoutlab measured every text for Liberation Sans at these sizes and placed it.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
line_colour = player_colour[1]
base_font = sl_regular(8)
set termoption font base_font
set multiplot
set label 901 title_text at screen 0.035, screen 0.935 left font sl_bold(title_pt) tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font sl_regular(10.5) tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font sl_regular(10.5) tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font sl_regular(8) tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font sl_regular(8) tc rgb muted

set border 3 lc rgb '#b0b0b0' lw 0.8
set xrange [0.5:n_seasons + 0.5]
set yrange [y_low:y_high]
set ytics 0, 50, 100 nomirror out scale 0.4 textcolor rgb muted
set xtics 1 nomirror out scale 0.4 textcolor rgb muted
set xtics () 
do for [k=1:n_seasons] { set xtics add (season_label[k] k) }
set grid ytics lt 1 lc rgb rule lw 0.8
unset key
value_text(v) = v != v ? '' : abs(v) >= 1000 ? sprintf('%.0f', v) : gprintf('%.3g', v)
# The number by a point: scoutlab's text for it when given (1.80, 66.1%), else three figures.
value_font = sl_regular(value_pt)
point_text(s, k, v) = v != v ? '' : has_value_label ? value_label[(int(s) - 1) * n_seasons + int(k)] : value_text(v)
do for [s=1:n_stats] {
  set lmargin at screen panel_l[s]
  set rmargin at screen panel_r[s]
  set bmargin at screen panel_b[s]
  set tmargin at screen panel_t[s]
  set label 1 stat_label[s] at graph 0, graph 1 left offset 0, 0 font sl_bold(9.5) tc rgb ink
  set label 1 at screen panel_l[s], screen panel_t[s] + 0.9 * 9.5 * (96.0 / 72) * sl_scale / sl_height
  plot $trend index (s - 1) using 1:2 with linespoints lc rgb line_colour lw 2 pt 7 ps 0.9 * sl_point_scale, \
       '' index (s - 1) using 1:4:(point_text(s, $1, $3)) \
           with labels center font value_font textcolor rgb ink
  unset label 901
  unset label 902
  unset label 903
  unset label 904
  unset label 905
}
unset multiplot
