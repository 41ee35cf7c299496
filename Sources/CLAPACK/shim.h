/* CLAPACK: the C surface RidgeLasso uses, nothing more.
 *
 * CBLAS comes from libblas-dev's <cblas.h> (netlib's, or OpenBLAS's through Debian's alternatives).
 * liblapack-dev ships no header, so the Fortran LAPACK routines are declared here by hand.
 * Debian's libraries are LP64: a Fortran INTEGER is a 32-bit int (Swift Int32).
 * gfortran passes one hidden size_t length per CHARACTER argument, after all other arguments,
 * in order; every prototype below declares them, and callers pass 1.
 */
#ifndef RIDGELASSO_CLAPACK_SHIM_H
#define RIDGELASSO_CLAPACK_SHIM_H
#include <stddef.h>
#include <cblas.h>

/* Cholesky */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
void dpocon_(const char *uplo, const int *n, const double *a, const int *lda, const double *anorm,
             double *rcond, double *work, int *iwork, int *info, size_t uplo_len);
double dlansy_(const char *norm, const char *uplo, const int *n, const double *a, const int *lda,
               double *work, size_t norm_len, size_t uplo_len);

/* QR and triangular systems */
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work,
             const int *lwork, int *info);
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info, size_t side_len, size_t trans_len);
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
void dtrcon_(const char *norm, const char *uplo, const char *diag, const int *n, const double *a,
             const int *lda, double *rcond, double *work, int *iwork, int *info,
             size_t norm_len, size_t uplo_len, size_t diag_len);

/* Singular value decomposition */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info, size_t jobz_len);
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a,
             const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *info, size_t jobu_len, size_t jobvt_len);

/* Symmetric eigendecomposition */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);

/* glibc's dladdr, which Swift's Glibc module leaves out (it is a GNU extension): the file that
 * defines a loaded symbol, for BLASLibrary's report. Same layout as glibc's Dl_info. */
typedef struct {
    const char *dli_fname;
    void *dli_fbase;
    const char *dli_sname;
    void *dli_saddr;
} ridgelasso_dl_info;
int ridgelasso_dladdr(const void *address, ridgelasso_dl_info *info) __asm__("dladdr");

#endif
