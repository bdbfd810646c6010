# Sum of squares: the seed articles' `cpu_work`, a for loop over range with integer
# arithmetic.
def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result


print(cpu_work(N))
