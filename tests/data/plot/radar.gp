# scoutlab radar chart. Re-render with: gnuplot <this file>
# Settings and data come first; the look (copied from plots/radar.gp) follows the data.
# Text from the data is enhanced-text escaped: keep it out of 'noenhanced' places.
set encoding utf8
if (!exists("sl_output")) sl_output = 'chart.png'
sl_width = 1600
sl_height = 900
sl_scale = 2
set terminal pngcairo size 1600,900 enhanced fontscale 1 linewidth 2 background '#ffffff'
sl_font_scale = 2
sl_point_scale = 1
font_size(pt) = sprintf(',%g', pt * sl_font_scale)
set output sl_output
sl_replace(s, a, b) = strstrt(s, a) == 0 ? s : s[1:strstrt(s, a) - 1] . b . sl_replace(s[strstrt(s, a) + strlen(a):], a, b)
sl_label(s) = sl_replace(sl_replace(s[1:4] eq "\\047" ? "'" . s[5:] : s, "\\", "\\\\"), "\"", "\\042")
title_text = 'Balerdi reads the game like the league''s best'
subtitle_text = 'Ligue 1 2024-25, centre-backs with 900+ minutes; axes run from the 5th to the 95th percentile'
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
n_players = 3
n_axes = 6
array player_name[3]
player_name[1] = 'Leonardo Balerdi'
player_name[2] = 'Ibrahima Konaté'
player_name[3] = 'Nayef Aguerd'
array axis_label[6]
axis_label[1] = 'Tackles won /90'
axis_label[2] = 'Interceptions /90'
axis_label[3] = 'Aerials won /90'
axis_label[4] = 'Prog. passes /90'
axis_label[5] = 'Pass completion %'
axis_label[6] = 'Blocks /90'
array axis_low[6]
axis_low[1] = 0.55
axis_low[2] = 0.48
axis_low[3] = 0.9
axis_low[4] = 1.2
axis_low[5] = 78
axis_low[6] = 0.5
array axis_high[6]
axis_high[1] = 1.9
axis_high[2] = 1.6
axis_high[3] = 3.4
axis_high[4] = 5.2
axis_high[5] = 93
axis_high[6] = 1.7
# one row per player: player number, then the raw value on each axis
$radar << EOD
1	1.42	1.05	2.61	4.85	89.4	1.21
2	1.1	1.38	2.95	3.1	91.2	0.95
3	1.75	0.82	1.9	2.4	86	1.6
EOD

