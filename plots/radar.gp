# plots/radar.gp - the look of the radar chart.
# The scoutlab script header defines, before this body:
#   title_text title_pt subtitle_text subtitle2_text credits_text (strings, fitted to the canvas)
#   sl_regular(pt) sl_bold(pt) (fonts)  player_colour[p]  sl_scale (canvas / 800x450)
#   n_players n_axes n_rings   player_name[p] axis_label[a] axis_low[a] axis_high[a]
#   radar_x radar_y (centre) radar_rx radar_ry (radius), screen fractions
#   axis_text[a] axis_text2[a] (a long name's second line, '' else) range_text[a] axis_x[a]
#   axis_y[a] axis2_y[a] range_y[a] axis_align[a] (-1 left, 0 centre,
#   1 right): where scoutlab placed each axis name so that none overlaps another
#   legend_x legend_y legend_row legend_swatch rim_note1 rim_note2 n_beyond
#   $rings $radar (raw values) $shape (polygons, radar units: rim = 1, centre = 0; columns 5-6:
#   where each rim mark goes, beside the other players' marks on that axis)
# scoutlab measured the texts for Liberation Sans at these sizes: move or enlarge them and
# they may collide.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#d9d9d9'
base_font = sl_regular(10)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font sl_bold(title_pt) tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font sl_regular(10.5) tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font sl_regular(10.5) tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font sl_regular(8) tc rgb faint

# ---- layout: the plot area is exactly the radar's bounding square ------------------------
set lmargin at screen radar_x - radar_rx
set rmargin at screen radar_x + radar_rx
set bmargin at screen radar_y - radar_ry
set tmargin at screen radar_y + radar_ry
set xrange [-1:1]
set yrange [-1:1]
unset border
unset tics
unset key

# ---- axis names: a line of the name and one of the range (centre - rim) ------------------
align(a) = axis_align[a] < 0 ? 'left' : axis_align[a] > 0 ? 'right' : 'center'
do for [a=1:n_axes] {
  eval sprintf("set label %d axis_text[%d] at screen axis_x[%d], screen axis_y[%d] %s font sl_regular(9.5) tc rgb ink", \
               100 + a, a, a, a, align(a))
  eval sprintf("set label %d axis_text2[%d] at screen axis_x[%d], screen axis2_y[%d] %s font sl_regular(9.5) tc rgb ink", \
               500 + a, a, a, a, align(a))
  eval sprintf("set label %d range_text[%d] at screen axis_x[%d], screen range_y[%d] %s font sl_regular(8) tc rgb faint", \
               200 + a, a, a, a, align(a))
}

# ---- legend, outside the data: a swatch and a name per player, then the rim-mark note ------
do for [p=1:n_players] {
  y = legend_y - (p - 0.5) * legend_row
  set object 300 + p rectangle from screen legend_x, screen y - 0.3 * legend_row \
      to screen legend_x + 0.7 * legend_swatch, screen y + 0.3 * legend_row \
      fc rgb player_colour[p] fs solid 0.85 noborder front
  set label 300 + p player_name[p] at screen legend_x + legend_swatch, screen y left \
      font sl_regular(10.5) tc rgb ink
}
if (n_beyond > 0) {
  set label 399 rim_note1 at screen legend_x, screen legend_y - (n_players + 0.7) * legend_row left \
      font sl_regular(8) tc rgb muted
  set label 398 rim_note2 at screen legend_x, screen legend_y - (n_players + 1.4) * legend_row left \
      font sl_regular(8) tc rgb muted
}

# ---- rings, spokes, the players' polygons, rim marks --------------------------------------
spoke(a, c) = 2 * pi * (a - 1) / n_axes
plot $rings using 2:3 with lines lc rgb rule lw 0.8, \
     for [a=1:n_axes] '+' using (0):(0):(sin(spoke(a, 0))):(cos(spoke(a, 0))) every ::0::0 \
         with vectors nohead lc rgb '#b0b0b0' lw 0.8, \
     for [p=1:n_players] $shape index (p - 1) using 2:3 with filledcurves closed \
         fc rgb player_colour[p] fs transparent solid 0.10 noborder, \
     for [p=1:n_players] $shape index (p - 1) using 2:3 with lines lc rgb player_colour[p] lw 2, \
     for [p=1:n_players] $shape index (p - 1) using 2:($4 != 0 ? NaN : $3) with points pt 7 \
         ps 0.55 * sl_point_scale lc rgb player_colour[p], \
     for [p=1:n_players] $shape index (p - 1) using 5:($4 > 0 ? $6 : NaN) with points pt 9 \
         ps 1.3 * sl_point_scale lc rgb player_colour[p], \
     for [p=1:n_players] $shape index (p - 1) using 5:($4 < 0 ? $6 : NaN) with points pt 11 \
         ps 1.3 * sl_point_scale lc rgb player_colour[p]
