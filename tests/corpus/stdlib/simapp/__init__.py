"""A tiny discrete-event simulation of a warehouse (a package for simapp_main.py)."""
from .models import Item, Order, Robot, FastRobot, SimError, OutOfStock, RobotBusy
from .engine import Simulation

__all__ = ["Item", "Order", "Robot", "FastRobot", "SimError", "OutOfStock", "RobotBusy", "Simulation"]
VERSION = (1, 2)
