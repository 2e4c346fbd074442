/*
 * A tiny test runner: each test case runs in its own forked process, so a
 * crash, abort or sanitizer report fails that case alone and the others still
 * run. A test file lists its cases and calls t_main from main. Running the
 * binary with a case name runs only that case, in process (for gdb).
 */
#ifndef DS_T_H
#define DS_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct t_case {
    const char *name;
    void (*fn)(void);
} t_case;

static int t_failures_;

#define T_FAIL_(...)                                                   \
    do {                                                               \
        fprintf(stderr, "  %s:%d: ", __FILE__, __LINE__);              \
        fprintf(stderr, __VA_ARGS__);                                  \
        fputc('\n', stderr);                                           \
        t_failures_++;                                                 \
    } while (0)

#define T_CHECK(cond)                                                  \
    do {                                                               \
        if (!(cond))                                                   \
            T_FAIL_("check failed: %s", #cond);                        \
    } while (0)

#define T_EQ_INT(a, b)                                                 \
    do {                                                               \
        long long t_a_ = (long long)(a), t_b_ = (long long)(b);        \
        if (t_a_ != t_b_)                                              \
            T_FAIL_("%s == %s: %lld != %lld", #a, #b, t_a_, t_b_);     \
    } while (0)

#define T_EQ_STR(a, b)                                                 \
    do {                                                               \
        const char *t_a_ = (a), *t_b_ = (b);                           \
        if (!t_a_ || !t_b_ || strcmp(t_a_, t_b_) != 0)                 \
            T_FAIL_("%s == %s: \"%s\" != \"%s\"", #a, #b,              \
                    t_a_ ? t_a_ : "(null)", t_b_ ? t_b_ : "(null)");   \
    } while (0)

/* Skips the current case with a visible reason (e.g. ../shared absent). */
#define T_SKIP(...)                                                    \
    do {                                                               \
        fprintf(stdout, "  SKIP: ");                                   \
        fprintf(stdout, __VA_ARGS__);                                  \
        fputc('\n', stdout);                                           \
        fflush(stdout);                                                \
        exit(77);                                                      \
    } while (0)

static int t_main(int argc, char **argv, const t_case *cases, int n)
{
    int passed = 0, failed = 0, skipped = 0;
    for (int i = 0; i < n; i++) {
        if (argc > 1) {
            if (strcmp(argv[1], cases[i].name) != 0)
                continue;
            cases[i].fn();
            return t_failures_ ? 1 : 0;
        }
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid == 0) {
            cases[i].fn();
            fflush(stdout);
            _exit(t_failures_ ? 1 : 0);
        }
        int status = 0;
        if (pid < 0 || waitpid(pid, &status, 0) < 0) {
            printf("FAIL %s (could not fork)\n", cases[i].name);
            failed++;
            continue;
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            printf("ok   %s\n", cases[i].name);
            passed++;
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
            printf("skip %s\n", cases[i].name);
            skipped++;
        } else {
            printf("FAIL %s (%s %d)\n", cases[i].name,
                   WIFSIGNALED(status) ? "signal" : "exit",
                   WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
            failed++;
        }
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}

#define T_RUN(cases) t_main(argc, argv, cases, (int)(sizeof(cases) / sizeof((cases)[0])))

#endif
