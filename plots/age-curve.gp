# plots/age-curve.gp - the look of the age curve: the model's fee for one profile by age.
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text xlabel_text ylabel_text line_text whatif_text
#   player_text (strings)   has_band has_whatif has_player (0/1)
#   player_age (years) player_fee_eur (EUR) player_label_above player_label_right (0/1: where
#   his name goes beside his point, away from the estimate line)
#   $curve: point number, age, estimate, interval low, interval high, what-if estimate (EUR).
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
highlight = player_colour[1]
line_colour = '#3d6b99'
band_colour = '#dfe7ef'   # opaque: the svg terminal draws partial fills unevenly
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
bold_font = sl_bold(10)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f9_5 = font_size(9.5)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint

# ---- layout ------------------------------------------------------------------------------
set lmargin at screen 0.115
set rmargin at screen 0.95
set tmargin at screen 0.78
set bmargin at screen 0.16
set border 3 lc rgb '#b0b0b0' lw 0.8
m = 1e6   # fees in millions of euros
set format y '€%gm'
set xtics 1 nomirror out scale 0.5 textcolor rgb muted
set ytics nomirror out scale 0.5 textcolor rgb muted
set grid xtics ytics lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted
set ylabel ylabel_text textcolor rgb muted offset -0.5, 0
set yrange [0:*]
set autoscale xfix
set offsets 0.3, 0.3, graph 0.08, 0
set key inside right top Right noreverse samplen 2.5 spacing 1.4 font f9_5 textcolor rgb ink \
    nobox

# ---- the player: a dot at his age and current estimate, named -----------------------------
if (has_player) {
  set style textbox opaque fillcolor rgb '#ffffff' noborder margins 1, 1
  # Beside the dot, on the side scoutlab chose away from the estimate line.
  label_side = player_label_right ? 'left' : 'right'
  label_dx = player_label_right ? 1.3 : -1.3
  label_dy = player_label_above ? 1.2 : -1.2
  eval sprintf("set label 21 player_text at player_age, player_fee_eur / m %s offset %g, %g boxed " . \
               "font bold_font textcolor rgb highlight front", label_side, label_dx, label_dy)
  set arrow 21 from player_age, graph 0 to player_age, first player_fee_eur / m nohead \
      dt 3 lc rgb highlight lw 1 front
}

plot $curve using 2:($4 / m):($5 / m) with filledcurves fc rgb band_colour fs solid 1.0 \
         noborder title (has_band ? 'Prediction interval' : ''), \
     '' using 2:($3 / m) with lines lc rgb line_colour lw 2.5 title line_text, \
     '' using 2:($6 / m) with lines lc rgb line_colour lw 2 dt (8, 6) \
         title (has_whatif ? whatif_text : ''), \
     '+' using (has_player ? player_age : NaN):(player_fee_eur / m) every ::0::0 \
         with points pt 7 ps 2.2 * sl_point_scale lc rgb highlight notitle
