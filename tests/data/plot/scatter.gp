# scoutlab scatter chart. Re-render with: gnuplot <this file>
# Settings and data come first; the look (copied from plots/scatter.gp) follows the data.
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
title_text = 'Balerdi carries Marseille''s build-up'
subtitle_text = 'Ligue 1 centre-backs, 2024-25, 900+ minutes; dashed lines are the pool medians'
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
xlabel_text = 'Progressive passes per 90'
ylabel_text = 'Interceptions per 90'
x_low = 1.8
x_high = 5.6
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
# player number, x, y, highlighted (1) or not (0)
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

