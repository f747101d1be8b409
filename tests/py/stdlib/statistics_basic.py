import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.multimode("aabbc"), st.fmean([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]))
try:
    st.mean([])
except st.StatisticsError as e:
    print(type(e).__name__, e)
