# plots/bars.gp - the look of the comparison bars (2-6 players, side by side on each stat).
# The scoutlab script header defines, before this body:
#   title_text title_pt subtitle_text subtitle2_text credits_text caption_text (fitted strings)
#   sl_regular(pt) sl_bold(pt) player_colour[p]  n_players n_stats player_name[p] stat_label[s]
#   xlabel_text area_left area_right area_full x_max area_top area_bottom (screen) row_count half_bar value_pt
#   has_values (0: the bars too thin for numbers, left out; the caption says so)
#   value_gap (percentile units) name_x name_y[s] legend_em legend_x[p] legend_yp[p] (screen)
#   has_value_label (0/1) value_label[(p-1)*n_stats+s] (the values as printed, when given)
#   $bars: stat, player, row from the top, percentile, value
# scoutlab measured every text for Liberation Sans at these sizes and placed it.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
base_font = sl_regular(10)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font sl_bold(title_pt) tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font sl_regular(10.5) tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font sl_regular(10.5) tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font sl_regular(8) tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font sl_regular(8) tc rgb muted

# ---- layout -------------------------------------------------------------------------------
set lmargin at screen area_left
set rmargin at screen area_full
set tmargin at screen area_top
set bmargin at screen area_bottom
set border 0
set xrange [0:x_max]
set yrange [row_count:0]
set xtics 0, 25, 100 out nomirror scale 0 textcolor rgb muted
unset ytics
set grid xtics lt 1 lc rgb rule lw 0.8
set arrow 2 from 100, graph 0 to 100, graph 1 nohead lc rgb rule lw 0.8 back
set xlabel xlabel_text textcolor rgb muted offset 0, 0.3
unset key
set style fill solid 1.0 noborder
set arrow 1 from 50, graph 0 to 50, graph 1 nohead dt 3 lc rgb faint lw 1 back

do for [s=1:n_stats] {
  set label 100 + s stat_label[s] at screen name_x, screen name_y[s] right font sl_regular(9.5) tc rgb ink
}
do for [p=1:n_players] {
  set object 200 + p rectangle from screen legend_x[p], screen legend_yp[p] - 0.3 * legend_em * sl_width / sl_height \
      to screen legend_x[p] + legend_em, screen legend_yp[p] + 0.3 * legend_em * sl_width / sl_height \
      fc rgb player_colour[p] fs solid 1.0 noborder front
  set label 200 + p player_name[p] at screen legend_x[p] + 1.4 * legend_em, screen legend_yp[p] left \
      font sl_regular(10) tc rgb ink
}
value_text(v) = v != v ? '-' : abs(v) >= 1000 ? sprintf('%.0f', v) : gprintf('%.3g', v)
# The number at a bar's end: scoutlab's text for it when given (value_label, stat-major by player),
# else three significant figures.
bar_text(s, p, v) = has_value_label ? value_label[(int(p) - 1) * n_stats + int(s)] : value_text(v)
clip(p) = p != p ? 0 : p < 0 ? 0 : p > 100 ? 100 : p
plot for [p=1:n_players] $bars using ($2 == p ? clip($4) / 2 : NaN):3:(clip($4) / 2):(half_bar) \
         with boxxyerror lc rgb player_colour[p], \
     $bars using (has_values ? clip($4) + value_gap : NaN):3:(bar_text($1, $2, $5)) \
         with labels left font sl_bold(value_pt) textcolor rgb ink
