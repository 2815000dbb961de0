# plots/percentiles.gp - the look of the percentile bars (one player's scouting profile).
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text player_text xlabel_text (strings), sl_scale
#   n_stats n_groups row_count   stat_label[s] group_label[g] group_row[g]
#   has_value_label (0/1) value_label[s] (the values as printed, when given)
#   $bars: stat number, row from the top, percentile (0-100), raw value, style measure (1) or not (0).
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = player_colour[1]
base_bar = '#8fa9c4'
neutral_bar = '#c8c8c8'
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
bold_font = sl_bold(10)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint
set label 905 caption_text at screen 0.965, screen 0.035 right font f8 tc rgb muted

# ---- layout ------------------------------------------------------------------------------
# The stat names sit left of the bars: leave room for the longest (about 0.47 em a letter at
# 10 pt, 96/72 px a point), between a fifth and 45% of the width.
longest = 0
do for [s=1:n_stats] { longest = strlen(stat_label[s]) > longest ? strlen(stat_label[s]) : longest }
name_room = 0.05 + longest * 0.47 * 10 * (96.0 / 72) * sl_scale / sl_width
set lmargin at screen (name_room < 0.2 ? 0.2 : name_room > 0.45 ? 0.45 : name_room)
set rmargin at screen 0.86
set tmargin at screen 0.78
set bmargin at screen 0.15
set border 0
set xrange [0:100]
set yrange [row_count - 0.4 : -0.6]
set xtics 0, 25, 100 out nomirror scale 0 textcolor rgb muted
set ytics scale 0 nomirror textcolor rgb ink
set grid xtics lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted offset 0, 0.3
unset key
set style fill solid 1.0 noborder

# Strong percentiles (80th and up) take the highlight, a style measure (column 5: no better
# direction) is grey whatever its percentile; a dotted line marks the median.
strong = 80
# Judged on the percentile as printed: a 79.7 labelled "80" is red, as the caption promises.
bar_colour(p, style) = style > 0.5 ? rgb_int(neutral_bar) : floor(p + 0.5) >= strong ? rgb_int(highlight) : rgb_int(base_bar)
rgb_int(s) = int('0x' . s[2:7])
set arrow 1 from 50, graph 0 to 50, graph 1 nohead dt 3 lc rgb faint lw 1 back
set for [g=1:n_groups] label 100 + g group_label[g] at 0, group_row[g] left \
    font bold_font textcolor rgb ink front
set label 99 'per 90 or %' at graph 1, graph 1 offset 2.0, 1.0 left font f8 tc rgb faint
value_font = sl_bold(value_pt)

# Three significant digits, but whole numbers from 1000 up (passing distance: 1580, not 1.58e+03).
value_text(v) = abs(v) >= 1000 ? sprintf('%.0f', v) : gprintf('%.3g', v)
half_height = 0.34
plot $bars using ($3 / 2):2:($3 / 2):(half_height):(bar_colour($3, $5)):ytic(stat_label[int($1)]) \
         with boxxyerror lc rgb variable, \
     '' using ($3 > 12 && $5 < 0.5 ? $3 - 1 : NaN):2:(sprintf('%.0f', $3)) \
         with labels right offset 0, 0 font value_font textcolor rgb '#ffffff', \
     '' using ($3 > 12 && $5 > 0.5 ? $3 - 1 : NaN):2:(sprintf('%.0f', $3)) \
         with labels right offset 0, 0 font value_font textcolor rgb ink, \
     '' using ($3 > 12 ? NaN : $3 + 1):2:(sprintf('%.0f', $3)) \
         with labels left offset 0, 0 font value_font textcolor rgb ink, \
     '' using (100):2:(has_value_label ? value_label[int($1)] : value_text($4)) with labels left offset 2.0, 0 \
         textcolor rgb ink
