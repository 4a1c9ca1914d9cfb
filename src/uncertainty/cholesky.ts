/**
 * Cholesky factorisation of a small symmetric positive-definite matrix, A = L·Lᵀ with L lower triangular.
 *
 * The Cholesky–Banachiewicz order (row by row): L[i][j] = (A[i][j] − Σ_{k<j} L[i][k] L[j][k]) / L[j][j] for j < i,
 * L[i][i] = √(A[i][i] − Σ_{k<i} L[i][k]²). A pivot that is not strictly positive (relative to the diagonal
 * entry, tolerance 1e-12) means the matrix is not positive definite. O(d³/3) operations: meant for correlation
 * matrices of a few dozen parameters.
 *
 * Reference: G. H. Golub, C. F. Van Loan, *Matrix Computations*, 4th ed., Johns Hopkins 2013, §4.2.
 */

/**
 * Lower-triangular Cholesky factor of a symmetric positive-definite matrix (only the lower triangle is read).
 * @param matrix square matrix as rows [-]
 * @param fn name of the calling function, used in error messages
 * @returns L as rows (zeros above the diagonal), with L·Lᵀ = matrix
 * @throws RangeError naming `fn` when the matrix is not square or not positive definite
 * @example cholesky([[4, 2], [2, 5]]) // [[2, 0], [1, 2]]
 */
export function cholesky(matrix: readonly (readonly number[])[], fn = 'cholesky'): number[][] {
  const d = matrix.length;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== d) {
      throw new RangeError(`${fn}: the matrix must be square (${d}×${d}); row ${i} has ${row?.length} entries`);
    }
  });
  const lower = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k++) s -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(s > 1e-12 * Math.abs(matrix[i][i]))) {
          throw new RangeError(
            `${fn}: the matrix must be positive definite; the Cholesky pivot of row ${i} is ${s} (≤ 0)`,
          );
        }
        lower[i][i] = Math.sqrt(s);
      } else {
        lower[i][j] = s / lower[j][j];
      }
    }
  }
  return lower;
}
