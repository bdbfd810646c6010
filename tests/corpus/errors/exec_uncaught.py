# An exception escaping exec'd code: its traceback names "<string>" (no source line).
def run():
    print("running")
    exec("def g(n):\n    return [1, 2][n]\n\ng(5)\n", {"__name__": "gen"})
run()
