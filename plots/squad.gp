# plots/squad.gp - the look of the squad profile: age against share of league minutes.
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text xlabel_text ylabel_text (strings), sl_scale
#   has_peak (0/1) peak_age_low peak_age_high age_low age_high (years)
#   n_players  name[i] contract[i]  highlighted[i] (1: the player asked about, ringed and in bold)
#   $squad: player number, age (years), minutes share (0-1), importance (0-100), point size,
#           label anchor age, label anchor share, label right-aligned (1) or left-aligned (0).
# scoutlab places the labels so names do not overlap, assuming this file's margins, the
# 8.5 pt label font and the y range 0-105 %: change those and labels may collide.
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = '#d1495b'
peak_colour = '#eef2f6'
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f8_5 = font_size(8.5)
f8_5_bold = sl_bold(8.5)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font f8 tc rgb muted

# ---- layout ------------------------------------------------------------------------------
set lmargin at screen 0.10
set rmargin at screen 0.86
set tmargin at screen 0.80
set bmargin at screen 0.16
set border 3 lc rgb '#b0b0b0' lw 0.8
set xtics 2 nomirror out scale 0.5 textcolor rgb muted
set ytics 0, 25, 100 nomirror out scale 0.5 textcolor rgb muted format '%.0f%%'
set grid xtics ytics lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted
set ylabel ylabel_text textcolor rgb muted offset 0.5, 0
set yrange [0:105]
set xrange [age_low:age_high]
unset key

# Importance 0-100 runs from pale grey-blue to the highlight colour; size grows with it too.
set palette defined (0 '#c7d0da', 50 '#8fa9c4', 100 highlight)
set cbrange [0:100]
set colorbox vertical user origin screen 0.885, screen 0.30 size screen 0.015, screen 0.40 noborder
set cbtics 0, 25, 100 scale 0 textcolor rgb muted
set cblabel 'Importance' textcolor rgb muted offset -0.5, 0

if (has_peak) {
  set object 1 rectangle from peak_age_low, graph 0 to peak_age_high, graph 1 \
      fc rgb peak_colour fs solid 1.0 noborder behind
  set label 11 'peak age' at (peak_age_low + peak_age_high) / 2, graph 1 center \
      offset 0, 0.8 font f8 textcolor rgb faint
}

label_text(i) = contract[i] eq '' ? name[i] : name[i] . ' (' . contract[i] . ')'
# A label pushed off its point's row (players of the same age and minutes) gets a thin leader
# line, so the reader can tell whose it is.
displaced(i_share, label_share) = abs(label_share - i_share) * 100 > 2.5
# Names where scoutlab placed them (no two overlap): at label_age, label_share, right-aligned
# when label_right is 1.
do for [i=1:n_players] {
  eval sprintf("set label %d label_text(%d) at first label_age[%d], first label_share[%d] * 100 %s font %s tc rgb ink front", \
               1000 + i, i, i, i, label_right[i] > 0 ? 'right' : 'left', highlighted[i] ? 'f8_5_bold' : 'f8_5')
}
# The ring around a highlighted player's point: a little wider than the point itself.
ring_ps = 0.9
plot $squad using 2:($3 * 100):(displaced($3, $7) ? $6 - $2 : NaN):(($7 - $3) * 100) \
         with vectors nohead lc rgb faint lw 0.8, \
     '' using 2:($3 * 100):($5 * sl_point_scale):4 with points pt 7 ps variable lc palette, \
     '' using 2:(highlighted[int($1)] ? $3 * 100 : NaN):(($5 + ring_ps) * sl_point_scale) \
         with points pt 6 ps variable lc rgb ink lw 1.5
