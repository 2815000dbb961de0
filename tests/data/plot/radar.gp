# scoutlab radar chart. Re-render with: gnuplot <this file>  (from any directory: the
# chart's path below is absolute; define sl_output before this file to write elsewhere).
# Settings and data come first; the look (copied from plots/radar.gp) follows the data.
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
title_text = 'Balerdi reads the game like the league''s best'
title_pt = 17
subtitle_text = 'Ligue 1 2024-25, centre-backs with 900+ minutes; axes run from the 5th to the 95th percentile'
subtitle2_text = ''
credits_text = 'Data: invented sample for tests | Chart: scoutlab'
n_players = 3
n_axes = 6
n_rings = 4
array player_name[3]
player_name[1] = 'Leonardo Balerdi'
player_name[2] = 'Ibrahima Konaté'
player_name[3] = 'Nayef Aguerd'
array axis_label[6]
axis_label[1] = 'Tackles won /90'
axis_label[2] = 'Interceptions /90'
axis_label[3] = 'Aerials won /90'
axis_label[4] = 'Prog. passes /90'
axis_label[5] = 'Pass completion %'
axis_label[6] = 'Blocks /90'
array axis_low[6]
axis_low[1] = 0.55
axis_low[2] = 0.48
axis_low[3] = 0.9
axis_low[4] = 1.2
axis_low[5] = 78
axis_low[6] = 0.5
array axis_high[6]
axis_high[1] = 1.9
axis_high[2] = 1.6
axis_high[3] = 3.4
axis_high[4] = 5.2
axis_high[5] = 93
axis_high[6] = 1.7
# where scoutlab drew things, in screen fractions: the radar's centre and radius (as a
# share of the width and of the height), each axis name's anchor, alignment (-1 left,
# 0 centre, 1 right) and range line, the legend's top-left corner
radar_x = 0.405587
radar_y = 0.4425
radar_rx = 0.158677
radar_ry = 0.282093
array axis_text[6]
array axis_text2[6]
array range_text[6]
axis_text[1] = 'Tackles won /90'
axis_text2[1] = ''
range_text[1] = '0.55 – 1.9'
axis_text[2] = 'Interceptions /90'
axis_text2[2] = ''
range_text[2] = '0.48 – 1.6'
axis_text[3] = 'Aerials won /90'
axis_text2[3] = ''
range_text[3] = '0.9 – 3.4'
axis_text[4] = 'Prog. passes /90'
axis_text2[4] = ''
range_text[4] = '1.2 – 5.2'
axis_text[5] = 'Pass completion %'
axis_text2[5] = ''
range_text[5] = '78 – 93'
axis_text[6] = 'Blocks /90'
axis_text2[6] = ''
range_text[6] = '0.5 – 1.7'
array axis_x[6]
array axis_y[6]
array axis2_y[6]
array range_y[6]
array axis_align[6]
axis_x[1] = 0.405587; axis_y[1] = 0.783037; axis2_y[1] = 0.752074; range_y[1] = 0.754519; axis_align[1] = 0
axis_x[2] = 0.551232; axis_y[2] = 0.633546; axis2_y[2] = 0.602583; range_y[2] = 0.605028; axis_align[2] = -1
axis_x[3] = 0.551232; axis_y[3] = 0.277528; axis2_y[3] = 0.246565; range_y[3] = 0.249009; axis_align[3] = -1
axis_x[4] = 0.405587; axis_y[4] = 0.128037; axis2_y[4] = 0.0970741; range_y[4] = 0.0995185; axis_align[4] = 0
axis_x[5] = 0.259941; axis_y[5] = 0.277528; axis2_y[5] = 0.246565; range_y[5] = 0.249009; axis_align[5] = 1
axis_x[6] = 0.259941; axis_y[6] = 0.633546; axis2_y[6] = 0.602583; range_y[6] = 0.605028; axis_align[6] = 1
legend_x = 0.789721
legend_y = 0.517167
legend_row = 0.0497778
rim_note1 = '▲ rim, ▼ centre: beyond the'
rim_note2 = 'axis range (5th-95th pct)'
legend_swatch = 0.0245
# rings (a quarter of each axis's range apart), blank-line separated: x, y
$rings << EOD
1	0	0.25
1	0.216506	0.125
1	0.216506	-0.125
1	3.06162e-17	-0.25
1	-0.216506	-0.125
1	-0.216506	0.125
1	0	0.25

2	0	0.5
2	0.433013	0.25
2	0.433013	-0.25
2	6.12323e-17	-0.5
2	-0.433013	-0.25
2	-0.433013	0.25
2	0	0.5

3	0	0.75
3	0.649519	0.375
3	0.649519	-0.375
3	9.18485e-17	-0.75
3	-0.649519	-0.375
3	-0.649519	0.375
3	0	0.75

4	0	1
4	0.866025	0.5
4	0.866025	-0.5
4	1.22465e-16	-1
4	-0.866025	-0.5
4	-0.866025	0.5
4	0	1

EOD
# one row per player: player number, then the raw value on each axis
$radar << EOD
1	1.42	1.05	2.61	4.85	89.4	1.21
2	1.1	1.38	2.95	3.1	91.2	0.95
3	1.75	0.82	1.9	2.4	86	1.6
EOD
# each player's polygon, one block per player (index p-1): player, x, y, beyond the rim
# (1), inside the centre (-1) or neither (0), where its mark goes (x, y: beside the other
# players' marks on that axis); a missing value is drawn at the centre
$shape << EOD
1	0	0.644444	0	0	0.644444
1	0.440745	0.254464	0	0.440745	0.254464
1	0.592361	-0.342	0	0.592361	-0.342
1	1.11749e-16	-0.9125	0	1.11749e-16	-0.9125
1	-0.658179	-0.38	0	-0.658179	-0.38
1	-0.512398	0.295833	0	-0.512398	0.295833
1	0	0.644444	0	0	0.644444


2	0	0.407407	0	0	0.407407
2	0.695913	0.401786	0	0.695913	0.401786
2	0.710141	-0.41	0	0.710141	-0.41
2	5.81707e-17	-0.475	0	5.81707e-17	-0.475
2	-0.762102	-0.44	0	-0.762102	-0.44
2	-0.32476	0.1875	0	-0.32476	0.1875
2	0	0.407407	0	0	0.407407


3	0	0.888889	0	0	0.888889
3	0.262901	0.151786	0	0.262901	0.151786
3	0.34641	-0.2	0	0.34641	-0.2
3	3.67394e-17	-0.3	0	3.67394e-17	-0.3
3	-0.46188	-0.266667	0	-0.46188	-0.266667
3	-0.793857	0.458333	0	-0.793857	0.458333
3	0	0.888889	0	0	0.888889


EOD
n_beyond = 0

