# scoutlab age-curve chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/age-curve.gp) follows the data.
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
title_text = 'Balerdi''s price peaks now'
title_pt = 17
subtitle_text = 'Fee model estimate for his profile at each age, Ligue 1 centre-back; band: 80% interval'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
xlabel_text = 'Age (years)'
ylabel_text = 'Estimated fee (€m)'
line_text = 'Contract to 2028 (current)'
whatif_text = 'If extended to 2030'
player_text = 'Leonardo Balerdi'
has_band = 1
has_whatif = 1
has_player = 1
player_age = 25.8
player_fee_eur = 2.43e+07
# his name goes where the estimate line is not: above it where it falls after his age,
# below where it rises; to the left of him late in the axis
player_label_above = 1
player_label_right = 1
# point number, age (years), estimate, interval low, interval high, what-if estimate (EUR)
$curve << EOD
1	20	1.4e+07	6.4e+06	3.08e+07	1.7e+07
2	21	1.7e+07	7.7e+06	3.74e+07	2.05e+07
3	22	2e+07	9.1e+06	4.4e+07	2.4e+07
4	23	2.25e+07	1.02e+07	4.95e+07	2.7e+07
5	24	2.4e+07	1.09e+07	5.28e+07	2.9e+07
6	25	2.45e+07	1.11e+07	5.39e+07	2.95e+07
7	26	2.4e+07	1.09e+07	5.28e+07	2.9e+07
8	27	2.2e+07	1e+07	4.84e+07	2.65e+07
9	28	1.9e+07	8.6e+06	4.18e+07	2.3e+07
10	29	1.55e+07	7e+06	3.41e+07	1.9e+07
11	30	1.2e+07	5.5e+06	2.64e+07	1.45e+07
12	31	9e+06	4.1e+06	1.98e+07	1.1e+07
13	32	6.5e+06	3e+06	1.43e+07	8e+06
EOD

