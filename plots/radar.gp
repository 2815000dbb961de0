# plots/radar.gp - the look of the radar chart (gnuplot 5.4 spiderplot).
# The scoutlab script header defines, before this body:
#   title_text subtitle_text credits_text  (strings)     sl_scale (canvas / 800x450)
#   n_players n_axes   player_name[p] axis_label[a] axis_low[a] axis_high[a]
#   $radar: one row per player: player number, then the raw value on each axis.
# Text variables are already enhanced-text escaped: never print them with 'noenhanced'.
# Text printed 'with labels' from a using expression must go through sl_label(), e.g.
# using 1:2:(sl_label(name[int($1)])), or quotes and backslashes in it are misread.

# ---- house style ------------------------------------------------------------------------
font_name = 'Liberation Sans'
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#d9d9d9'
base_font = font_name . font_size(10)
title_font = font_name . ':Bold' . font_size(17)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f7_5 = font_size(7.5)
f8 = font_size(8)
f10 = font_size(10)
f10_5 = font_size(10.5)
f11 = font_size(11)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint
# Player 1 (the subject) takes the highlight colour; the others are muted.
set linetype 1 lc rgb '#d1495b' lw 2 pt 7 ps 0.55 * sl_point_scale
set linetype 2 lc rgb '#3d6b99' lw 2 pt 7 ps 0.55 * sl_point_scale
set linetype 3 lc rgb '#6a994e' lw 2 pt 7 ps 0.55 * sl_point_scale
set linetype 4 lc rgb '#8c6bb1' lw 2 pt 7 ps 0.55 * sl_point_scale

# ---- layout ------------------------------------------------------------------------------
# A square plot area (in pixels) centred at radar_centre, between radar_bottom and radar_top.
radar_centre = 0.40
radar_bottom = 0.20
radar_top = 0.725
radar_half_width = 0.5 * (radar_top - radar_bottom) * sl_height / sl_width
set lmargin at screen radar_centre - radar_half_width
set rmargin at screen radar_centre + radar_half_width
set tmargin at screen radar_top
set bmargin at screen radar_bottom
set size ratio -1
unset border
unset xtics
unset ytics

# ---- axes: centre = axis_low (pool 5th pct), rim = axis_high (95th); raw values as tics --
axis_mid(a) = 0.5 * (axis_low[a] + axis_high[a])
tic_text(v) = gprintf('%.3g', v)
clamp(v, a) = axis_low[a] < axis_high[a] ? \
    (v < axis_low[a] ? axis_low[a] : v > axis_high[a] ? axis_high[a] : v) : \
    (v > axis_low[a] ? axis_low[a] : v < axis_high[a] ? axis_high[a] : v)
set spiderplot
set style parallelaxis lt 1 lc rgb '#b0b0b0' lw 0.8
set grid spiderplot lt 1 lc rgb rule lw 0.8
set style spiderplot fillstyle transparent solid 0.12 border
set for [a=1:n_axes] paxis a range [axis_low[a]:axis_high[a]]
# The midpoint is labelled on the axis; the full range (centre - rim) sits under the name.
set for [a=1:n_axes] paxis a tics (tic_text(axis_mid(a)) axis_mid(a), '' axis_high[a]) \
    font f7_5 textcolor rgb faint scale 0
range_text(a) = tic_text(axis_low[a]) . ' – ' . tic_text(axis_high[a])
# gnuplot centres each name on the end of its spoke and reads the x offset as a distance out
# along the spoke, so side names would sit on the rim: push each one out by about half its
# width times how sideways its spoke points (spokes run clockwise from the top).
spoke_side(a) = abs(sin(2 * pi * (a - 1) / n_axes))
half_width(a) = 0.2 * strlen(axis_label[a])
set for [a=1:n_axes] paxis a label axis_label[a] . "\n{/*0.8 " . range_text(a) . "}" \
    font f10 textcolor rgb ink offset character 0.8 + spoke_side(a) * half_width(a), 0

# ---- key: the players, to the right of the radar ----------------------------------------
set key at screen 0.76, screen 0.66 left top Left reverse samplen 1.5 spacing 1.6 \
    font f11 textcolor rgb ink nobox

plot for [a=1:n_axes] $radar using (clamp(column(a + 1), a)) notitle, \
     for [p=1:n_players] keyentry with spiderplot lt p title player_name[p]
