# plots/importance.gp - the look of the importance breakdown: one stacked horizontal bar per
# player, one segment per component of the squad-importance score.
# The scoutlab script header defines, before this body:
#   title_text (at title_pt) subtitle_text subtitle2_text credits_text xlabel_text (strings), sl_scale
#   n_players n_components   player_name[p] (shortened to the name column) component_label[k]
#   highlighted[p]: 1 for the player asked about (his row shaded, his name in bold)
#   name_pt: the names' and totals' size, smaller than 10 when the rows are many
#   names_lmargin: where the names end and the bars begin (screen fraction), set for the longest name
#   $importance: player number (top to bottom), then the points of each component.
# All text is drawn noenhanced (names print as written). Never print a name 'with labels'
# from a using expression: gnuplot re-reads such strings as data; scoutlab places them with
# set label instead.

# ---- house style ------------------------------------------------------------------------
ink = '#1f1f1f'
muted = '#5f5f5f'
faint = '#8c8c8c'
rule = '#e3e3e3'
base_font = sl_regular(10)
title_font = sl_bold(title_pt)
bold_font = sl_bold(name_pt)
name_font = sl_regular(name_pt)
# Sizes in points on the 800x450 design canvas; font_size() scales them to the output.
f8 = font_size(8)
f9_5 = font_size(9.5)
f10_5 = font_size(10.5)
set termoption font base_font
set label 901 title_text at screen 0.035, screen 0.935 left font title_font tc rgb ink
set label 902 subtitle_text at screen 0.035, screen 0.878 left font f10_5 tc rgb muted
set label 903 subtitle2_text at screen 0.035, screen 0.84 left font f10_5 tc rgb muted
set label 904 credits_text at screen 0.035, screen 0.035 left font f8 tc rgb faint
# Components from dark to light, then a warm accent for a fifth and sixth.
set linetype 1 lc rgb '#2f5d8a'
set linetype 2 lc rgb '#6f94b8'
set linetype 3 lc rgb '#a9c0d7'
set linetype 4 lc rgb '#d1495b'
set linetype 5 lc rgb '#e8a0a8'
set linetype 6 lc rgb '#b0b0b0'

# ---- layout (plot_charts.c sizes the names for these margins: names_lmargin, IMP_BARS_*) ----
set lmargin at screen names_lmargin
set rmargin at screen 0.92
set tmargin at screen 0.69
set bmargin at screen 0.16
set border 0
set yrange [n_players + 0.6 : 0.4]
set xrange [0:*]
set xtics out nomirror scale 0 textcolor rgb muted
set ytics scale 0 nomirror textcolor rgb ink font name_font
set grid xtics lt 1 lc rgb rule lw 0.8
set xlabel xlabel_text textcolor rgb muted offset 0, 0.3
set key at screen names_lmargin, screen 0.805 left top horizontal Left reverse samplen 1.2 width 2 \
    font f9_5 textcolor rgb ink nobox
set style fill solid 1.0 border rgb '#ffffff'

half_height = 0.34
# A highlighted row: a pale band from the names to the totals, and the name in bold in place of
# its y tic (a tic label has the one font of all tics). The label sits where the tic label would:
# right-aligned one character left of the bars. Tags 1000 + p stay clear of the titles' 901-905
# whatever the number of rows.
highlight_band = '#f6e3e6'
do for [p=1:n_players] {
  if (highlighted[p]) {
    set object 1000 + p rectangle from screen 0.03, first p - 0.5 to screen 0.975, first p + 0.5 \
        fc rgb highlight_band fs solid 1.0 noborder behind
    set label 1000 + p player_name[p] at graph 0, first p right offset character -1, 0 \
        font bold_font tc rgb ink front
  }
}
tic_name(p) = highlighted[p] ? '' : player_name[p]
start(k) = k > 1 ? sum [j=2:k] column(j) : 0
stop(k) = sum [j=2:k + 1] column(j)
plot for [k=1:n_components] $importance \
         using ((start(k) + stop(k)) / 2):1:((stop(k) - start(k)) / 2):(half_height):ytic(tic_name(int($1))) \
         with boxxyerror lt k title component_label[k], \
     $importance using (stop(n_components)):1:(gprintf('%.0f', stop(n_components))) \
         with labels left offset 0.6, 0 font bold_font textcolor rgb ink notitle
