#!/usr/bin/python3
"""Golden numbers for tests/unit/test_fees_terms.c: the residual sum of squares of a least-squares
fit of y = sin(x) + 0.1 x^2 on a natural cubic spline with knots 0.5, 2, 5, 9, by patsy's cr()
(mgcv's cubic regression spline basis, natural: an independent basis of the same space as
Harrell's restricted cubic spline with those knots, so the fitted values and RSS must agree).
x = 0.5 + 8.5 i / 200, i = 0..200. Run: /usr/bin/python3 tests/golden/spline_golden.py"""
import numpy as np
import patsy
import statsmodels.api as sm

x = 0.5 + 8.5 * np.arange(201) / 200
y = np.sin(x) + 0.1 * x * x
X = patsy.dmatrix("cr(x, knots=(2.0, 5.0), lower_bound=0.5, upper_bound=9.0)", {"x": x})
fit = sm.OLS(y, X).fit()
print(repr(fit.ssr))
print(repr(fit.predict(patsy.build_design_matrices([X.design_info], {"x": np.array([3.3])})[0])[0]))
