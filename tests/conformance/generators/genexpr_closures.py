# Generator expressions closing over their function's variables (COPY_FREE_VARS before
# RETURN_GENERATOR), made when called, with their cells shared with the function.
def counts(vec, cols):
    s = set(vec[i] + i for i in cols)
    t = sum(vec[i] * i for i in cols)
    g = (vec[i] for i in cols)
    vec.append(99)
    return s, t, list(g), g.gi_frame, g.gi_running


print(counts([3, 1, 4, 0], range(4)))


def late_binding():
    k = 1
    g = (x * k for x in range(3))
    k = 10
    return list(g)


print(late_binding())


def frame_locals():
    a, b = 2, 3
    g = (x + a + b for x in range(2))
    print(sorted(g.gi_frame.f_locals))
    print(g.gi_frame.f_code.co_freevars)
    return list(g)


print(frame_locals())


def nested():
    n = 3
    return [list(j * n for j in range(i)) for i in range(n)]


print(nested())


class Holder:
    scale = 5
    vals = [1, 2]
    out = [v for v in vals]


print(Holder.out)


def unstarted_close():
    c = "closed"
    g = (c for _ in range(1))
    g.close()
    return g.gi_frame, list(g)


print(unstarted_close())


def raises_inside():
    d = {}
    try:
        list(d[k] for k in range(2))
    except KeyError as e:
        print("KeyError", e)


raises_inside()
