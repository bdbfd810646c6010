# A class-heavy task scheduler simulation (in the spirit of pyperformance's richards):
# tasks with priorities, packets passed between them, inheritance and method dispatch.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.count = 0

    def runnable(self):
        return not self.held and self.queue is not None

    def take(self):
        p = self.queue
        self.queue = p.link
        return p

    def run(self, packet):
        raise NotImplementedError


class Worker(Task):
    def run(self, packet):
        self.count += 1
        packet.datum = (packet.datum + self.count) % 26
        for i in range(4):
            packet.data[i] = (packet.data[i] + packet.datum + i) % 26
        return self.scheduler.send(packet, (self.ident + 1) % self.scheduler.ntasks)


class Handler(Task):
    def run(self, packet):
        self.count += packet.datum
        if self.count % 7 == 0:
            self.held = True
            self.scheduler.wake_later(self)
        return self.scheduler.send(packet, 0)


class Scheduler:
    def __init__(self, ntasks):
        self.tasks = []
        self.ntasks = ntasks
        self.sleeping = []
        for i in range(ntasks):
            cls = Worker if i % 3 else Handler
            self.tasks.append(cls(self, i, i % 5, None))
        self.switches = 0

    def send(self, packet, dest):
        t = self.tasks[dest]
        t.queue = packet.append_to(t.queue)
        return t

    def wake_later(self, task):
        self.sleeping.append(task)

    def run(self, steps):
        for i in range(self.ntasks):
            self.send(Packet(None, i, i % 2), i)
        for step in range(steps):
            ready = [t for t in self.tasks if t.runnable()]
            if not ready:
                for t in self.sleeping:
                    t.held = False
                self.sleeping = []
                continue
            ready.sort(key=lambda t: -t.priority)
            t = ready[0]
            t.run(t.take())
            self.switches += 1
        return self.switches, sum(t.count for t in self.tasks)


print(Scheduler(10).run(N))
