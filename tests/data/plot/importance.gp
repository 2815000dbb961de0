# scoutlab importance chart. Re-render with: gnuplot <this file>
# Settings and data come first; the look (copied from plots/importance.gp) follows the data.
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
title_text = 'Greenwood and Balerdi are hardest to replace'
subtitle_text = 'Squad importance score and its components, Marseille 2024-25'
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
xlabel_text = 'Importance score (points out of 100)'
n_players = 8
n_components = 4
array player_name[8]
player_name[1] = 'Mason Greenwood'
player_name[2] = 'Leonardo Balerdi'
player_name[3] = 'Pierre-Emile Højbjerg'
player_name[4] = 'Gerónimo Rulli'
player_name[5] = 'Adrien Rabiot'
player_name[6] = 'Luis Henrique'
player_name[7] = 'Derek Cornelius'
player_name[8] = 'Amir Murillo'
array component_label[4]
component_label[1] = 'Minutes'
component_label[2] = 'On-pitch impact'
component_label[3] = 'Replaceability'
component_label[4] = 'Contract value'
# player number (top to bottom), then the points of each component
$importance << EOD
1	27	30	20	14
2	26	24	22	12
3	26	22	18	14
4	29	16	24	9
5	19	20	15	12
6	22	18	12	11
7	16	12	12	8
8	15	12	10	8
EOD

