# scoutlab squad chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/squad.gp) follows the data.
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
title_text = 'Marseille''s spine is in its prime'
title_pt = 17
subtitle_text = 'Ligue 1 2024-25: share of league minutes by age; colour and size show importance; contract end in brackets'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
caption_text = 'Size and colour: importance (0-100); ringed: highlighted; thin line: a name moved off its point'
xlabel_text = 'Age (years, 1 Jan 2025)'
ylabel_text = 'Share of league minutes (%)'
has_peak = 1
peak_age_low = 24
peak_age_high = 29
age_low = 20
age_high = 34
n_players = 16
array name[16]
name[1] = 'Gerónimo Rulli'
name[2] = 'Leonardo Balerdi'
name[3] = 'Amine Harit'
name[4] = 'Adrien Rabiot'
name[5] = 'Mason Greenwood'
name[6] = 'Luis Henrique'
name[7] = 'Pierre-Emile Højbjerg'
name[8] = 'Quentin Merlin'
name[9] = 'Derek Cornelius'
name[10] = 'Geoffrey Kondogbia'
name[11] = 'Ulisses Garcia'
name[12] = 'Jonathan Rowe'
name[13] = 'Bilal Nadir'
name[14] = 'Neal Maupay'
name[15] = 'Elye Wahi'
name[16] = 'Amir Murillo'
array contract[16]
contract[1] = '2027'
contract[2] = '2028'
contract[3] = '2025'
contract[4] = '2027'
contract[5] = '2029'
contract[6] = '2028'
contract[7] = '2028'
contract[8] = '2028'
contract[9] = '2027'
contract[10] = '2025'
contract[11] = '2026'
contract[12] = '2029'
contract[13] = '2027'
contract[14] = '2026'
contract[15] = '2029'
contract[16] = ''
# player number, age (years; a dot that would hide another moved up to 0.35 aside),
# minutes share (0-1), importance (0-100), point size,
# label anchor age, label anchor share, label to the left of its anchor (1) or right (0)
$squad << EOD
1	32.6	0.97	78	2.916	32.3621	0.97	1
2	25.8	0.88	84	3.048	26.0428	0.88	0
3	27.7	0.41	40	2.08	27.5757	0.363516	1
4	29.9	0.62	66	2.652	30.1282	0.62	0
5	23.5	0.9	91	3.202	23.2515	0.9	1
6	23.2	0.74	63	2.586	23.4258	0.74	0
7	29.6	0.86	80	2.96	29.8395	0.86	0
8	22.9	0.45	42	2.124	23.1087	0.45	0
9	27	0.52	48	2.256	26.7864	0.52	1
10	32	0.33	30	1.86	31.8806	0.283516	1
11	29	0.38	33	1.926	29.2014	0.38	0
12	22	0.35	36	1.992	22.2039	0.35	0
13	21.2	0.14	12	1.464	21.3107	0.186484	0
14	28.7	0.2	18	1.596	28.8893	0.2	0
15	22.1	0.12	10	1.42	22.2828	0.12	0
16	29	0.48	45	2.19	29.2112	0.48	0
EOD
array label_age[16]
array label_share[16]
array label_right[16]
array highlighted[16]
label_age[1] = 32.3621; label_share[1] = 0.97; label_right[1] = 1; highlighted[1] = 0
label_age[2] = 26.0428; label_share[2] = 0.88; label_right[2] = 0; highlighted[2] = 1
label_age[3] = 27.5757; label_share[3] = 0.363516; label_right[3] = 1; highlighted[3] = 0
label_age[4] = 30.1282; label_share[4] = 0.62; label_right[4] = 0; highlighted[4] = 0
label_age[5] = 23.2515; label_share[5] = 0.9; label_right[5] = 1; highlighted[5] = 0
label_age[6] = 23.4258; label_share[6] = 0.74; label_right[6] = 0; highlighted[6] = 0
label_age[7] = 29.8395; label_share[7] = 0.86; label_right[7] = 0; highlighted[7] = 0
label_age[8] = 23.1087; label_share[8] = 0.45; label_right[8] = 0; highlighted[8] = 0
label_age[9] = 26.7864; label_share[9] = 0.52; label_right[9] = 1; highlighted[9] = 0
label_age[10] = 31.8806; label_share[10] = 0.283516; label_right[10] = 1; highlighted[10] = 0
label_age[11] = 29.2014; label_share[11] = 0.38; label_right[11] = 0; highlighted[11] = 0
label_age[12] = 22.2039; label_share[12] = 0.35; label_right[12] = 0; highlighted[12] = 0
label_age[13] = 21.3107; label_share[13] = 0.186484; label_right[13] = 0; highlighted[13] = 0
label_age[14] = 28.8893; label_share[14] = 0.2; label_right[14] = 0; highlighted[14] = 0
label_age[15] = 22.2828; label_share[15] = 0.12; label_right[15] = 0; highlighted[15] = 0
label_age[16] = 29.2112; label_share[16] = 0.48; label_right[16] = 0; highlighted[16] = 0

