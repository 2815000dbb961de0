# scoutlab squad chart. Re-render with: gnuplot <this file>
# Settings and data come first; the look (copied from plots/squad.gp) follows the data.
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
title_text = 'Marseille''s spine is in its prime'
subtitle_text = 'Ligue 1 2024-25: share of league minutes by age; colour and size show importance; contract end in brackets'
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
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
# player number, age (years), minutes share (0-1), importance (0-100), point size,
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
9	27	0.52	48	2.256	27.2136	0.52	0
10	32	0.33	30	1.86	31.8806	0.283516	1
11	29	0.38	33	1.926	29.2014	0.38	0
12	22	0.35	36	1.992	22.2039	0.35	0
13	21.2	0.14	12	1.464	21.3107	0.186484	0
14	28.7	0.2	18	1.596	28.8893	0.2	0
15	22.1	0.12	10	1.42	22.2828	0.12	0
16	29	0.48	45	2.19	29.1267	0.433516	0
EOD

