# scoutlab percentiles chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/percentiles.gp) follows the data.
set encoding utf8
if (!exists("sl_output")) sl_output = '/charts/chart.png'
sl_width = 1200
sl_height = 675
sl_scale = 1.5
set terminal pngcairo size 1200,675 noenhanced fontscale 1 linewidth 1.5 background '#ffffff'
sl_font_scale = 1.5
sl_point_scale = 1
font_size(pt) = sprintf(',%g', pt * sl_font_scale)
sl_regular(pt) = 'Liberation Sans' . font_size(pt)
sl_bold(pt) = 'Liberation Sans:Bold' . font_size(pt)
set output sl_output
# one colour per player, in the order scoutlab was given them, in every chart
array player_colour[6] = ['#d1495b', '#3d6b99', '#e69f00', '#009e73', '#8c6bb1', '#56b4e9']
title_text = 'Leonardo Balerdi: a passer first'
title_pt = 17
subtitle_text = 'Percentile among Ligue 1 centre-backs, 2024-25, 900+ minutes; raw value per 90 beside each bar'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
caption_text = 'Bar: percentile among the peers (red: 80th or better; grey: style, no better side); dotted: median'
value_pt = 10
player_text = 'Leonardo Balerdi'
xlabel_text = 'Percentile among peers'
n_stats = 9
n_groups = 3
row_count = 13
array stat_label[9]
stat_label[1] = 'Tackles won'
stat_label[2] = 'Interceptions'
stat_label[3] = 'Blocks'
stat_label[4] = 'Aerials won'
stat_label[5] = 'Progressive passes'
stat_label[6] = 'Pass completion %'
stat_label[7] = 'Long balls completed'
stat_label[8] = 'Progressive carries'
stat_label[9] = 'Fouls committed'
has_value_label = 0
array group_label[3]
group_label[1] = 'Defending'
group_label[2] = 'Passing'
group_label[3] = 'Carrying & discipline'
array group_row[3]
group_row[1] = 0
group_row[2] = 5.5
group_row[3] = 10
# stat number, row from the top, percentile (0-100), raw value, a style measure (1) or not
$bars << EOD
1	1	72	1.42	0
2	2	81	1.05	0
3	3	64	1.21	0
4	4	58	2.61	0
5	6.5	93	4.85	0
6	7.5	77	89.4	0
7	8.5	88	3.9	0
8	11	69	1.12	1
9	12	35	0.95	0
EOD

