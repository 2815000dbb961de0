# scoutlab importance chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/importance.gp) follows the data.
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
title_text = 'Greenwood and Balerdi are hardest to replace'
title_pt = 17
subtitle_text = 'Squad importance score and its components, Marseille 2024-25'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
xlabel_text = 'Importance score (points out of 100)'
n_players = 8
n_components = 4
name_pt = 10
names_lmargin = 0.22
array player_name[8]
player_name[1] = 'Mason Greenwood'
player_name[2] = 'Leonardo Balerdi'
player_name[3] = 'Pierre-Emile Højbjerg'
player_name[4] = 'Gerónimo Rulli'
player_name[5] = 'Adrien Rabiot'
player_name[6] = 'Luis Henrique'
player_name[7] = 'Derek Cornelius'
player_name[8] = 'Amir Murillo'
array highlighted[8]
highlighted[1] = 0
highlighted[2] = 1
highlighted[3] = 0
highlighted[4] = 0
highlighted[5] = 0
highlighted[6] = 0
highlighted[7] = 0
highlighted[8] = 0
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

