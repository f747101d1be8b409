class Account:
    def __init__(self):
        self.balance = 100
        self.owner = "ann"
acct = Account()
print(acct.balance)
print(acct.balanse)
