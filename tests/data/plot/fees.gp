# scoutlab fees chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/fees.gp) follows the data.
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
title_text = '€25m for Balerdi is inside the model''s range'
title_pt = 17
subtitle_text = 'Model estimate against fee paid, held-out transfers 2023-24; band: 80% prediction interval'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
xlabel_text = 'Model estimate (€m, log scale)'
ylabel_text = 'Fee paid (€m, log scale)'
x_low_eur = 2.5e+06
x_high_eur = 6e+07
y_low_eur = 1.1e+06
y_high_eur = 1.32e+08
caption_text = ''
has_band = 1
has_bid = 1
player_text = 'Leonardo Balerdi'
bid_text = '€25m asked'
estimate_eur = 1.95e+07
estimate_low_eur = 8.9e+06
estimate_high_eur = 4.29e+07
bid_eur = 2.5e+07
# transfer number, model estimate, fee paid (EUR)
$transfers << EOD
1	4e+06	3.2e+06
2	8.5e+06	1.1e+07
3	1.2e+07	9e+06
4	1.8e+07	2.2e+07
5	2.5e+07	3e+07
6	3.2e+07	2.8e+07
7	6e+06	5.5e+06
8	4.5e+07	5.2e+07
9	2.5e+06	3e+06
10	6e+07	4.8e+07
EOD
# estimate, interval low, interval high (EUR), ordered by estimate
$band << EOD
1	2.5e+06	1.1e+06	5.5e+06
2	4e+06	1.8e+06	8.8e+06
3	6e+06	2.7e+06	1.32e+07
4	8.5e+06	3.9e+06	1.87e+07
5	1.2e+07	5.5e+06	2.64e+07
6	1.8e+07	8.2e+06	3.96e+07
7	2.5e+07	1.14e+07	5.5e+07
8	3.2e+07	1.45e+07	7.04e+07
9	4.5e+07	2.05e+07	9.9e+07
10	6e+07	2.73e+07	1.32e+08
EOD

