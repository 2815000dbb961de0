# plots/pizza.gp - the look of the percentile pizza (one player, one slice per stat).
# The scoutlab script header defines, before this body:
#   title_text title_pt subtitle_text subtitle2_text credits_text caption_text (fitted strings)
#   sl_regular(pt) sl_bold(pt)  n_stats n_groups  stat_label[s] group_label[g] group_colour[g]
#   radar_x radar_y radar_rx radar_ry (the pie's centre and radius, screen fractions)
#   axis_text[s] axis_text2[s] range_text[s] axis_x[s] axis_y[s] axis2_y[s] range_y[s] axis_align[s]:
#   each stat's name (a long one on two lines; axis_text2 '' else) and "value · percentile"
#   line, placed by scoutlab so that none overlaps another
#   legend_x legend_y legend_row legend_swatch
#   $pizza: stat, percentile, value, group   $slices: slice polygons, then full-length ones
# All text is drawn noenhanced; scoutlab measured it for Liberation Sans at these sizes.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
back = '#eef0f3'
base_font = sl_regular(10)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font sl_bold(title_pt) tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font sl_regular(10.5) tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font sl_regular(10.5) tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font sl_regular(8) tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font sl_regular(8) tc rgb muted

# ---- layout: the plot area is exactly the pie's bounding square ---------------------------
set lmargin at screen radar_x - radar_rx
set rmargin at screen radar_x + radar_rx
set bmargin at screen radar_y - radar_ry
set tmargin at screen radar_y + radar_ry
set xrange [-1:1]
set yrange [-1:1]
unset border
unset tics
unset key

align(a) = axis_align[a] < 0 ? 'left' : axis_align[a] > 0 ? 'right' : 'center'
do for [s=1:n_stats] {
  eval sprintf("set label %d axis_text[%d] at screen axis_x[%d], screen axis_y[%d] %s font sl_regular(9.5) tc rgb ink", \
               100 + s, s, s, s, align(s))
  eval sprintf("set label %d axis_text2[%d] at screen axis_x[%d], screen axis2_y[%d] %s font sl_regular(9.5) tc rgb ink", \
               500 + s, s, s, s, align(s))
  eval sprintf("set label %d range_text[%d] at screen axis_x[%d], screen range_y[%d] %s font sl_regular(8) tc rgb muted", \
               200 + s, s, s, s, align(s))
}
do for [k=1:n_groups] {
  y = legend_y - (k - 0.5) * legend_row
  set object 300 + k rectangle from screen legend_x, screen y - 0.3 * legend_row \
      to screen legend_x + 0.7 * legend_swatch, screen y + 0.3 * legend_row \
      fc rgb group_colour[k] fs solid 1.0 noborder front
  set label 300 + k group_label[k] at screen legend_x + legend_swatch, screen y left font sl_regular(10.5) tc rgb ink
}

# Rings at the 25th, 50th and 75th percentile, dotted.
set object 401 circle at 0, 0 size 0.25 fs empty border lc rgb '#ffffff' lw 1 front
set object 402 circle at 0, 0 size 0.50 fs empty border lc rgb '#ffffff' lw 1 front
set object 403 circle at 0, 0 size 0.75 fs empty border lc rgb '#ffffff' lw 1 front
# A style measure (no better side: Launch %, goal-kick length) is grey, as on the percentile bars.
style_slice = '#c8c8c8'
array slice_group[n_stats]
array slice_style[n_stats]
do for [s=1:n_stats] { slice_group[s] = 1; slice_style[s] = 0 }
stats $pizza using (slice_group[int($1)] = int($4), slice_style[int($1)] = int($5), 0) nooutput
plot for [s=1:n_stats] $slices index (n_stats + s - 1) using 1:2 with filledcurves closed \
         fc rgb back fs solid 1.0 border lc rgb '#ffffff' lw 1.5, \
     for [s=1:n_stats] $slices index (s - 1) using 1:2 with filledcurves closed \
         fc rgb (slice_style[s] ? style_slice : group_colour[slice_group[s]]) fs solid 1.0 border lc rgb '#ffffff' lw 1.5
