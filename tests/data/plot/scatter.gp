# scoutlab scatter chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/scatter.gp) follows the data.
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
title_text = 'Balerdi carries Marseille''s build-up'
title_pt = 17
subtitle_text = 'Ligue 1 centre-backs, 2024-25, 900+ minutes; dashed lines are the pool medians'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
caption_text = 'Grey: the pool; coloured and named: the players compared'
xlabel_text = 'Progressive passes per 90'
ylabel_text = 'Interceptions per 90'
x_low = 1.572
x_high = 5.828
y_low = 0.54
y_high = 1.7
x_median = 3
y_median = 1.075
n_points = 12
array name[12]
name[1] = 'Leonardo Balerdi'
name[2] = 'Ibrahima Konaté'
name[3] = 'Nayef Aguerd'
name[4] = 'Marquinhos'
name[5] = 'Lucas Beraldo'
name[6] = 'Leny Yoro'
name[7] = 'Jonathan Clauss'
name[8] = 'Thilo Kehrer'
name[9] = 'Dante'
name[10] = 'Pierre Lees-Melou'
name[11] = 'Bamo Meïté'
name[12] = 'Mohamed Abdelmoneim'
# player number, x, y, colour number when named (0: pool)
$pool << EOD
1	4.85	1.05	1
2	3.1	1.38	0
3	2.4	0.82	0
4	5.6	0.95	1
5	5.1	0.7	0
6	3.4	1.2	1
7	2.1	0.6	0
8	3.8	1.1	0
9	2.9	1.45	0
10	1.8	0.9	0
11	2.3	1.6	0
12	2.7	1.25	0
EOD
n_named = 3
array named_id[3]
array named_colour[3]
array named_ax[3]
array named_ay[3]
array named_right[3]
named_id[1] = 6; named_colour[1] = 1; named_right[1] = 0
named_ax[1] = 3.45675; named_ay[1] = 1.2
named_id[2] = 4; named_colour[2] = 1; named_right[2] = 1
named_ax[2] = 5.54325; named_ay[2] = 0.95
named_id[3] = 1; named_colour[3] = 1; named_right[3] = 0
named_ax[3] = 4.90675; named_ay[3] = 1.05
# the named players in drawing order: number, point x, y, name anchor x, y (data units),
# leader line needed (1: the name sits away from its point)
$named << EOD
1	3.4	1.2	3.45675	1.2	0
2	5.6	0.95	5.54325	0.95	0
3	4.85	1.05	4.90675	1.05	0
EOD

