import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes an import file of N synthetic entries in the content console's template (Chinese headers), for the
 * import + publish benchmark: each entry a distinct standard question and four similar phrasings made of common
 * customer-service words, so that the index, the checks and the calibration have realistic work to do.
 *
 * <pre>java -cp "$(cat target/classpath)" GenerateKnowledgeXlsx.java 100000 /tmp/kb-100k.xlsx</pre>
 */
public class GenerateKnowledgeXlsx {

    private static final String[] HEADERS = {"ID（选填，填写则更新该条）", "分类", "标准问题", "相似问题（每行一个，或用##分隔）",
            "答案", "标签", "生效时间", "失效时间"};
    private static final String[] PRODUCTS = {"宽带", "流量包", "彩铃", "信用卡", "储蓄卡", "理财", "话费", "积分", "副卡",
            "国际漫游", "云盘", "会员", "贷款", "手机银行", "网点", "发票", "套餐", "号码", "短信", "来电显示"};
    private static final String[] ACTIONS = {"怎么办理", "怎么取消", "多少钱", "在哪查", "怎么升级", "有什么优惠", "能退吗",
            "怎么续费", "办理条件是什么", "多久到账", "怎么修改", "为什么扣费"};
    private static final String[] PLACES = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "重庆"};
    private static final String[] SAY = {"请问", "我想问下", "麻烦问一下", "想了解", ""};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "kb-" + count + ".xlsx");
        var random = new Random(42);
        try (var workbook = new SXSSFWorkbook(500); OutputStream file = Files.newOutputStream(out)) {
            Sheet sheet = workbook.createSheet("知识库");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) header.createCell(c).setCellValue(HEADERS[c]);
            for (int i = 0; i < count; i++) {
                String product = PRODUCTS[i % PRODUCTS.length];
                String action = ACTIONS[(i / PRODUCTS.length) % ACTIONS.length];
                String place = PLACES[(i / (PRODUCTS.length * ACTIONS.length)) % PLACES.length];
                String variant = Integer.toString(i / (PRODUCTS.length * ACTIONS.length * PLACES.length), 36);
                String topic = place + product + "（" + variant + "号方案）";
                String question = topic + action;
                var similar = new StringBuilder();
                for (int s = 0; s < 4; s++) {
                    if (s > 0) similar.append('\n');
                    similar.append(SAY[random.nextInt(SAY.length)]).append(topic).append(s % 2 == 0 ? "要" : "该")
                            .append(action).append(s == 3 ? "呀" : "");
                }
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(String.format("gen-%06d", i));
                row.createCell(1).setCellValue(product);
                row.createCell(2).setCellValue(question);
                row.createCell(3).setCellValue(similar.toString());
                row.createCell(4).setCellValue("关于" + question + "：请登录 App 查看「" + product + "」页面，或拨打客服热线咨询。");
                row.createCell(5).setCellValue(product);
            }
            workbook.write(file);
        }
        System.out.println("wrote " + count + " entries to " + out + " (" + Files.size(out) / 1024 + " KiB)");
    }
}
