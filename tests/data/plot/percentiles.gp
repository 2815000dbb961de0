# scoutlab percentiles chart. Re-render with: gnuplot <this file>
# Settings and data come first; the look (copied from plots/percentiles.gp) follows the data.
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
title_text = 'Leonardo Balerdi: a passer first'
subtitle_text = 'Percentile among Ligue 1 centre-backs, 2024-25, 900+ minutes; raw value per 90 beside each bar'
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
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
array group_label[3]
group_label[1] = 'Defending'
group_label[2] = 'Passing'
group_label[3] = 'Carrying \& discipline'
array group_row[3]
group_row[1] = 0
group_row[2] = 5.5
group_row[3] = 10
# stat number, row from the top, percentile (0-100), raw value
$bars << EOD
1	1	72	1.42
2	2	81	1.05
3	3	64	1.21
4	4	58	2.61
5	6.5	93	4.85
6	7.5	77	89.4
7	8.5	88	3.9
8	11	69	1.12
9	12	35	0.95
EOD

